import { Repeater } from "@repeaterjs/repeater";
import {
  createSourceEventStream,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  execute,
  type GraphQLSchema,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from "graphql";
import { isCompiledQuery } from "graphql-jit";
import { createLoaders, createSharedLoaders } from "../app/compose.js";
import type { Context, ViewerProbe } from "../core/context.js";
import { LiveFeed } from "../core/live-feed.js";
import type { SharedLoaders } from "../core/loaders.js";
import { createCompiledOperations, runCompiled } from "./jit-executor.js";

/** A result computed once for an event and operation, and whether computing it asked who the viewer was. */
type SharedResult = { result: Promise<ExecutionResult>; probe: ViewerProbe; ownerId: string };
type Outcome = { result: ExecutionResult; shared: boolean };

/** Sends a result, already serialised, to the subscription a context belongs to. */
export type DirectSend = (payloadJson: string) => void;

export type SharedSubscribeOptions = {
  /** What goes on the wire for a result (errors formatted as over HTTP). */
  formatResult: (result: ExecutionResult) => unknown;
  /** The direct sender of a subscription's context, when its transport has one. */
  directSendOf: (context: unknown) => DirectSend | undefined;
};

/**
 * graphql-ws's `subscribe`, sharing work across subscribers. graphql-js would execute the
 * selection once per subscriber and event; with 1,000 subscribers on one thread that is 1,000
 * executions (and, with per-subscriber loaders, 1,000 × the queries) per post.
 *
 * Here each event payload (one object per event and api instance, as the event bus delivers
 * it) gets one set of viewer-independent loaders, and when an operation selects no
 * viewer-dependent field its result is computed once per (event, operation text, variables)
 * and handed to every subscriber with that key. Each subscriber's source stream still applies
 * its own access rules before an event reaches this point.
 *
 * When the source is a LiveFeed and the transport can send directly (ws.ts), the feed is tapped:
 * each event's result is also serialised once per key, and every subscriber's socket is sent
 * that text, with no async iterator chain per subscriber (see deliverDirectly).
 *
 * An event's result is computed with graphql-jit, as over HTTP (jit-executor.ts): compiled once
 * per operation text, which pays where an operation runs per subscriber (viewer-dependent
 * fields). The source stream is still graphql-js's `createSourceEventStream` (one call per
 * subscription, not per event).
 */
export function createSharedSubscribe(schema: GraphQLSchema, options: SharedSubscribeOptions) {
  const loadersByEvent = new WeakMap<object, SharedLoaders>();
  const resultsByEvent = new WeakMap<object, Map<string, SharedResult>>();
  const textByEvent = new WeakMap<object, Map<string, Promise<string | null>>>();
  const viewerDependence = new WeakMap<DocumentNode, boolean>();
  const compiledFor = createCompiledOperations(schema);

  const dependsOnViewer = (document: DocumentNode) => {
    let known = viewerDependence.get(document);
    if (known === undefined) {
      known = selectsViewerDependentField(schema, document);
      viewerDependence.set(document, known);
    }
    return known;
  };

  return async (args: ExecutionArgs) => {
    const source = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in source)) return source as ExecutionResult;
    const ctx = args.contextValue as Context;
    // The caller's language is part of the key: community and organisation names are answered in
    // it (core/localized.ts), so Italian and English subscribers share within their language only.
    const operationKey = `${ctx.caller.locale}\u0000${args.operationName ?? ""}\u0000${args.document.loc?.source.body ?? ""}\u0000${JSON.stringify(args.variableValues ?? {})}`;
    const viewerId = ctx.viewer?.id ?? "anonymous";
    const key = dependsOnViewer(args.document) ? `${operationKey}\u0000${ctx.viewer?.id ?? "anonymous"}` : operationKey;
    // graphql-ws parses each subscription's document anew: compiled by its text, not its node.
    const text = args.document.loc?.source.body;
    const compiled =
      text === undefined
        ? null
        : compiledFor(`${args.operationName ?? ""}\u0000${text}`, args.document, args.operationName);

    const run = (payload: unknown, viewerProbe?: ViewerProbe) => {
      const event = typeof payload === "object" && payload !== null ? payload : { payload };
      let shared = loadersByEvent.get(event);
      if (!shared) {
        shared = createSharedLoaders(ctx.services.db);
        loadersByEvent.set(event, shared);
      }
      const perViewer: Context = {
        ...ctx,
        loaders: createLoaders(ctx.services.db, ctx.viewer, shared),
        ...(viewerProbe ? { viewerProbe } : {}),
      };
      if (compiled && isCompiledQuery(compiled)) return runCompiled(compiled, payload, perViewer, args.variableValues);
      return execute({ ...args, rootValue: payload, contextValue: perViewer }) as
        | Promise<ExecutionResult>
        | ExecutionResult;
    };

    // A result is shared unless computing it asked who the viewer is (the text of hidden content,
    // answered per viewer by fields that are not @ViewerDependent: see Context.viewerProbe). Then it
    // was right for the subscriber it was computed for only, and every other one computes its own.
    const resultOf = (payload: object): Promise<Outcome> => {
      let results = resultsByEvent.get(payload);
      if (!results) {
        results = new Map();
        resultsByEvent.set(payload, results);
      }
      let entry = results.get(key);
      if (!entry) {
        const probe: ViewerProbe = { usedViewer: false };
        entry = { result: Promise.resolve(run(payload, probe)), probe, ownerId: viewerId };
        results.set(key, entry);
      }
      const { result, probe, ownerId } = entry;
      return result.then((r) => {
        if (!probe.usedViewer) return { result: r, shared: true };
        if (ownerId === viewerId) return { result: r, shared: false };
        return Promise.resolve(run(payload)).then((own) => ({ result: own, shared: false }));
      });
    };

    const send = options.directSendOf(args.contextValue);
    if (send && source instanceof LiveFeed) {
      const textOf = (payload: unknown) => {
        if (typeof payload !== "object" || payload === null) {
          return Promise.resolve(run(payload)).then((r) => JSON.stringify(options.formatResult(r)));
        }
        let texts = textByEvent.get(payload);
        if (!texts) {
          texts = new Map();
          textByEvent.set(payload, texts);
        }
        let text = texts.get(key);
        if (!text) {
          text = resultOf(payload).then((o) => (o.shared ? JSON.stringify(options.formatResult(o.result)) : null));
          texts.set(key, text);
        }
        return text.then(
          (shared) => shared ?? resultOf(payload).then((o) => JSON.stringify(options.formatResult(o.result))),
        );
      };
      return deliverDirectly(source, textOf, send);
    }

    const results = new Repeater<ExecutionResult>(async (push, stop) => {
      try {
        for await (const payload of source as AsyncIterable<unknown>) {
          if (typeof payload !== "object" || payload === null) await push(await run(payload));
          else await push((await resultOf(payload)).result);
        }
      } finally {
        stop();
      }
    });
    return closingSource(results, () => (source as AsyncGenerator).return?.(undefined));
  };
}

/**
 * `stream`, whose `return()` also closes its source. A Repeater's own stop callbacks are not
 * enough: graphql-ws returns the stream without ever pulling it when the socket closed while
 * the subscription was being set up, and a Repeater returned before its first pull never runs
 * its executor, so the source (and its event-bus subscription) would stay open for good.
 */
function closingSource<T>(stream: AsyncIterator<T>, close: () => unknown): AsyncGenerator<T, undefined> {
  let closed = false;
  const closeOnce = () => {
    if (closed) return;
    closed = true;
    void close();
  };
  const generator: AsyncGenerator<T, undefined> = {
    next: () => stream.next(),
    return: async (value) => {
      closeOnce();
      await stream.return?.(value);
      return { value: undefined, done: true };
    },
    throw: async (error) => {
      closeOnce();
      return stream.throw ? ((await stream.throw(error)) as IteratorResult<T, undefined>) : Promise.reject(error);
    },
    [Symbol.asyncIterator]: () => generator,
    [Symbol.asyncDispose]: async () => {
      await generator.return(undefined);
    },
  };
  return generator;
}

/**
 * Taps a feed: each value's text (shared by every subscriber with the same key) is sent on the
 * subscriber's socket in the order the values came, one promise reaction per subscriber and
 * event. What graphql-ws gets back is a stream that yields nothing and ends after the last send
 * (graphql-ws then sends `complete`), or fails if the feed failed; its `return()` (the client
 * unsubscribed or left) closes the feed and stops sending at once.
 */
function deliverDirectly<T>(feed: LiveFeed<T>, textOf: (value: T) => Promise<string>, send: DirectSend) {
  let open = true;
  let pending = 0;
  let sent: Promise<void> = Promise.resolve();
  // One closure per subscriber, not per event: thousands of deliveries per event are garbage
  // the young generation has to sweep while the fan-out runs.
  const sendOne = (json: string) => {
    pending--;
    if (open) send(json);
  };
  const sendAfterPrevious = (text: Promise<string>) => () => text.then(sendOne);
  const ended = feed.tap((value) => {
    const text = textOf(value);
    // Nothing queued for this subscriber (the usual case): send when the text is ready; else
    // after the sends before it, so its events stay in order.
    sent = pending++ === 0 ? text.then(sendOne) : sent.then(sendAfterPrevious(text));
  });
  const idle = new Repeater<never>(async (_push, stop) => {
    try {
      await Promise.race([ended.then(() => sent), stop]);
    } finally {
      stop();
    }
  });
  return closingSource(idle, () => {
    open = false;
    void feed.return();
  });
}

function selectsViewerDependentField(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        if (typeInfo.getFieldDef()?.extensions?.viewerDependent) found = true;
      },
    }),
  );
  return found;
}
