import type { IncomingMessage, ServerResponse } from "node:http";
import { type ApolloServer, HeaderMap, type HTTPGraphQLRequest } from "@apollo/server";
import bodyParser from "body-parser";
import type { Context } from "../core/context.js";
import type { Logger } from "../core/logger.js";
import { LIMITS } from "./limits.js";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
type ParsedRequest = IncomingMessage & { body?: unknown };

/**
 * POST and GET /graphql straight from node:http to Apollo (`executeHTTPGraphQLRequest`, its
 * documented integration point), as Apollo's own standalone server does: going through express
 * (router, response helpers converting the body to a Buffer) cost ~5% of a thread page's CPU.
 * The body is parsed by body-parser, as express.json would.
 */
export function graphqlHttpHandler(
  apollo: ApolloServer<Context>,
  contextFor: (req: IncomingMessage, res: ServerResponse) => Promise<Context>,
  logger: Logger,
): Handler {
  const parseJson = bodyParser.json({ limit: LIMITS.bodyBytes });
  return (req: ParsedRequest, res) => {
    parseJson(req, res, (err?: unknown) => {
      if (err) return refuseBody(res, err, logger);
      apollo
        .executeHTTPGraphQLRequest({ httpGraphQLRequest: toApollo(req), context: () => contextFor(req, res) })
        .then(async (response) => {
          for (const [key, value] of response.headers) res.setHeader(key, value);
          res.statusCode = response.status ?? 200;
          if (response.body.kind === "complete") return void res.end(response.body.string);
          for await (const chunk of response.body.asyncIterator) res.write(chunk);
          res.end();
        })
        .catch((error: unknown) => {
          // Apollo answers every GraphQL failure itself; this is a broken socket or a bug.
          logger.error({ err: error }, "graphql request failed");
          if (!res.headersSent) res.statusCode = 500;
          res.end();
        });
    });
  };
}

function toApollo(req: ParsedRequest): HTTPGraphQLRequest {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  const url = req.url ?? "";
  const query = url.indexOf("?");
  return {
    method: (req.method ?? "GET").toUpperCase(),
    headers,
    search: query === -1 ? "" : url.slice(query),
    body: req.body,
  };
}

// body-parser's refusals by their `type`: the client's doing, so BAD_USER_INPUT with a reason,
// keeping body-parser's HTTP status (413, 400, 415).
const BODY_REFUSALS: Record<string, { reason: string; message: string }> = {
  "entity.too.large": { reason: "BODY_TOO_LARGE", message: `The request body is larger than ${LIMITS.bodyBytes}.` },
  "entity.parse.failed": { reason: "INVALID_JSON", message: "The request body is not valid JSON." },
  "charset.unsupported": { reason: "UNSUPPORTED_CHARSET", message: "The request body must be JSON in UTF-8." },
  "encoding.unsupported": { reason: "UNSUPPORTED_ENCODING", message: "The request body's encoding is not supported." },
};

/** body-parser's refusals as a GraphQL error body with one of the documented codes. */
function refuseBody(res: ServerResponse, err: unknown, logger: Logger) {
  const { status = 400, type = "" } = err as { status?: number; type?: string };
  const refusal = BODY_REFUSALS[type] ?? { reason: "BODY_UNREADABLE", message: "The request body could not be read." };
  const serverFault = status >= 500; // e.g. a stream already read: a bug, not the client's doing
  if (serverFault) logger.error({ err }, "graphql request body failed");
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  const error = serverFault
    ? { message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }
    : { message: refusal.message, extensions: { code: "BAD_USER_INPUT", reason: refusal.reason } };
  res.end(JSON.stringify({ errors: [error] }));
}
