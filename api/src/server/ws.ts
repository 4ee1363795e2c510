import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import type { ExecutionResult, GraphQLError, GraphQLSchema } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { type WebSocket, WebSocketServer } from "ws";
import type { Context } from "../core/context.js";
import type { Logger } from "../core/logger.js";
import type { Viewer } from "../core/viewer.js";
import { sessionCookie, tokenFrom } from "./auth.js";
import { buildContext, type ContextDeps } from "./context.js";
import { createErrorFormatter } from "./errors.js";
import { LIMITS } from "./limits.js";
import { createSharedSubscribe, type DirectSend } from "./shared-subscribe.js";
import { documentCache } from "./ws-documents.js";
import { nextFrameSender } from "./ws-frames.js";

export const GRAPHQL_PATH = "/graphql";
const KEEP_ALIVE_MS = 12_000;

type Extra = { viewer: Viewer | null; address: string; userAgent: string | undefined };

/**
 * graphql-ws on the HTTP server's upgrade. Authenticates in `connection_init` (a token that
 * names no live session closes the socket with 4403) and refuses a cookie-authenticated
 * upgrade from a foreign Origin, the WebSocket form of CSRF.
 */
export function attachWebSockets(
  httpServer: Server,
  schema: GraphQLSchema,
  deps: ContextDeps,
  allowedOrigins: (req: IncomingMessage) => boolean,
  logger: Logger,
) {
  const formatError = createErrorFormatter(logger);
  const format = (errors: readonly GraphQLError[]) => errors.map((e) => formatError(e.toJSON(), e));
  // The same error codes as over HTTP, for subscriptions and for operations over the socket.
  const formatResult = (result: ExecutionResult) =>
    result.errors ? { ...result, errors: format(result.errors as readonly GraphQLError[]) } : result;
  // Each subscription's context → a sender of ready-made `next` frames on its socket.
  const directSends = new WeakMap<object, DirectSend>();
  const documents = documentCache();
  const wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.wsPayloadBytes });

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path !== GRAPHQL_PATH) return socket.destroy();
    if (sessionCookie(req.headers.cookie) && !allowedOrigins(req)) {
      socket.end("HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
  };
  httpServer.on("upgrade", onUpgrade);

  const cleanup = useServer<Record<string, unknown>, Extra & { request: IncomingMessage; socket: WebSocket }>(
    {
      schema,
      parse: documents.parse,
      validate: documents.validate,
      async onConnect(ctx) {
        const token = tokenFrom(ctx.connectionParams?.authorization, ctx.extra.request.headers.cookie);
        const viewer = token === null ? null : await deps.services.sessions.resolve(token);
        if (token !== null && !viewer) return false;
        Object.assign(ctx.extra, {
          viewer,
          address: ctx.extra.request.socket.remoteAddress ?? "unknown",
          userAgent: ctx.extra.request.headers["user-agent"],
        });
        return true;
      },
      subscribe: createSharedSubscribe(schema, {
        formatResult,
        directSendOf: (context) => (typeof context === "object" && context ? directSends.get(context) : undefined),
      }),
      onError: (_ctx, _id, _payload, errors) => format(errors),
      onNext: (_ctx, _id, _payload, _args, result) => formatResult(result),
      // Fresh loaders per operation: a long-lived socket must not serve a stale cache.
      context: (ctx, id): Context => {
        const context = buildContext(
          deps,
          ctx.extra.viewer ?? null,
          { address: ctx.extra.address ?? "unknown", userAgent: ctx.extra.userAgent },
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
    async dispose() {
      httpServer.off("upgrade", onUpgrade);
      await cleanup.dispose();
    },
  };
}

const noCookies = { set: () => {}, clear: () => {} };
