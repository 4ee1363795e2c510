import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { type ExecutionResult, GraphQLError, type GraphQLSchema } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { type WebSocket, WebSocketServer } from "ws";
import type { Context, Locale } from "../core/context.js";
import { queryTooComplex } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import type { Viewer } from "../core/viewer.js";
import { sessionCookie, tokenFrom } from "./auth.js";
import { buildContext, type ContextDeps, localeOf } from "./context.js";
import { createErrorFormatter } from "./errors.js";
import { LIMITS } from "./limits.js";
import { createSharedSubscribe, type DirectSend } from "./shared-subscribe.js";
import { operationGate } from "./ws-documents.js";
import { nextFrameSender } from "./ws-frames.js";
import { type Clock, systemClock, watchSessions } from "./ws-sessions.js";

export const GRAPHQL_PATH = "/graphql";
const KEEP_ALIVE_MS = 12_000;

type Extra = { viewer: Viewer | null; address: string; userAgent: string | undefined; locale: Locale };

export type WebSocketOptions = {
  /** Whether the page that opens a cookie-authenticated socket may (the CSRF check). */
  allowedOrigins: (req: IncomingMessage) => boolean;
  logger: Logger;
  /** Production refuses introspection over the socket too. */
  production: boolean;
  /** When sessions expire; tests pass a clock they move themselves. */
  clock?: Clock | undefined;
  /** Called after each operation ended and its streams were closed (app.ts, AppHooks). */
  onOperationEnd?: ((operationId: string) => void) | undefined;
};

/**
 * graphql-ws on the HTTP server's upgrade. Authenticates in `connection_init` (a token that
 * names no live session closes the socket with 4403) and refuses a cookie-authenticated
 * upgrade from a foreign Origin, the WebSocket form of CSRF. A socket whose session is revoked
 * or expires is closed with 4403 (ws-sessions.ts).
 *
 * Each operation passes the gate of ws-documents.ts (subscriptions only, the HTTP limits) and
 * the cap of subscriptions per socket; a refusal answers that operation alone and the socket,
 * with its other subscriptions, carries on.
 */
export function attachWebSockets(
  httpServer: Server,
  schema: GraphQLSchema,
  deps: ContextDeps,
  options: WebSocketOptions,
) {
  const formatError = createErrorFormatter(options.logger);
  const format = (errors: readonly GraphQLError[]) => errors.map((e) => formatError(e.toJSON(), e));
  // The same error codes as over HTTP, for subscriptions and for operations over the socket.
  const formatResult = (result: ExecutionResult) =>
    result.errors ? { ...result, errors: format(result.errors as readonly GraphQLError[]) } : result;
  // Each subscription's context → a sender of ready-made `next` frames on its socket.
  const directSends = new WeakMap<object, DirectSend>();
  const gate = operationGate(schema, { production: options.production });
  const sessions = watchSessions(deps.services.bus, options.clock ?? systemClock);
  const wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.wsPayloadBytes });

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path !== GRAPHQL_PATH) return socket.destroy();
    if (sessionCookie(req.headers.cookie) && !options.allowedOrigins(req)) {
      socket.end("HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
  };
  httpServer.on("upgrade", onUpgrade);

  const cleanup = useServer<Record<string, unknown>, Extra & { request: IncomingMessage; socket: WebSocket }>(
    {
      schema,
      async onConnect(ctx) {
        const token = tokenFrom(ctx.connectionParams?.authorization, ctx.extra.request.headers.cookie);
        const session = token === null ? null : await deps.services.sessions.resolveSession(token);
        if (token !== null && !session) return false;
        Object.assign(ctx.extra, {
          viewer: session?.viewer ?? null,
          // The same address as over HTTP (TRUST_PROXY), not the proxy's.
          address: deps.clientAddress(ctx.extra.request),
          userAgent: ctx.extra.request.headers["user-agent"],
          locale: localeOf(
            typeof ctx.connectionParams?.language === "string"
              ? ctx.connectionParams.language
              : ctx.extra.request.headers["accept-language"],
          ),
        });
        if (session) sessions.watch(ctx.extra.socket, session.viewer.sessionId, session.expiresAt);
        return true;
      },
      onSubscribe(ctx, _id, payload) {
        // graphql-ws has put this operation among the socket's active ones already.
        if (Object.keys(ctx.subscriptions).length > LIMITS.subscriptionsPerSocket) {
          return [tooManySubscriptions()];
        }
        return gate(payload);
      },
      subscribe: createSharedSubscribe(schema, {
        formatResult,
        directSendOf: (context) => (typeof context === "object" && context ? directSends.get(context) : undefined),
      }),
      onError: (_ctx, _id, _payload, errors) => format(errors),
      onComplete: (_ctx, id) => options.onOperationEnd?.(id),
      onNext: (_ctx, _id, _payload, _args, result) => formatResult(result),
      // Fresh loaders per operation: a long-lived socket must not serve a stale cache.
      context: (ctx, id): Context => {
        const context = buildContext(
          deps,
          ctx.extra.viewer ?? null,
          { address: ctx.extra.address ?? "unknown", userAgent: ctx.extra.userAgent, locale: ctx.extra.locale ?? "it" },
          noCookies,
        );
        directSends.set(context, nextFrameSender(ctx.extra.socket, id));
        return context;
      },
    },
    wss,
    KEEP_ALIVE_MS,
  );

  return {
    /** Resolves once this instance hears of sessions revoked on any instance. */
    ready: sessions.ready,
    async dispose() {
      httpServer.off("upgrade", onUpgrade);
      await cleanup.dispose();
      await sessions.close();
    },
  };
}

const noCookies = { set: () => {}, clear: () => {} };

// QUERY_TOO_COMPLEX rather than RATE_LIMITED: no wait makes a slot free, only completing one
// of the socket's subscriptions does, so there is no `retryAfterSeconds` to give; like the
// other abuse limits, the client must ask for less, not retry the same.
function tooManySubscriptions() {
  const refusal = queryTooComplex(
    `At most ${LIMITS.subscriptionsPerSocket} subscriptions may be open at once on one connection. Complete one first.`,
  );
  return new GraphQLError(refusal.message, { originalError: refusal });
}
