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
import type { Context } from "../core/context.js";
import { createLoaders, createSharedLoaders, type SharedLoaders } from "../core/loaders.js";

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
 */
export function createSharedSubscribe(schema: GraphQLSchema) {
  const loadersByEvent = new WeakMap<object, SharedLoaders>();
  const resultsByEvent = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();
  const viewerDependence = new WeakMap<DocumentNode, boolean>();

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
    const operationKey = `${args.operationName ?? ""}\u0000${args.document.loc?.source.body ?? ""}\u0000${JSON.stringify(args.variableValues ?? {})}`;
    const key = dependsOnViewer(args.document) ? `${operationKey}\u0000${ctx.viewer?.id ?? "anonymous"}` : operationKey;

    const run = (payload: unknown) => {
      const event = typeof payload === "object" && payload !== null ? payload : { payload };
      let shared = loadersByEvent.get(event);
      if (!shared) {
        shared = createSharedLoaders(ctx.services.db);
        loadersByEvent.set(event, shared);
      }
      const perViewer: Context = { ...ctx, loaders: createLoaders(ctx.services.db, ctx.viewer, shared) };
      return execute({ ...args, rootValue: payload, contextValue: perViewer }) as
        | Promise<ExecutionResult>
        | ExecutionResult;
    };

    return new Repeater<ExecutionResult>(async (push, stop) => {
      void stop.then(() => (source as AsyncGenerator).return?.(undefined));
      try {
        for await (const payload of source as AsyncIterable<unknown>) {
          if (typeof payload !== "object" || payload === null) {
            await push(await run(payload));
            continue;
          }
          let results = resultsByEvent.get(payload);
          if (!results) {
            results = new Map();
            resultsByEvent.set(payload, results);
          }
          let result = results.get(key);
          if (!result) {
            result = Promise.resolve(run(payload));
            results.set(key, result);
          }
          await push(await result);
        }
      } finally {
        stop();
      }
    });
  };
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
