import type { GraphQLFormattedError } from "graphql";
import { GraphQLError } from "graphql";
import { DomainError, USER_ERROR_CODES } from "../core/errors.js";
import type { Logger } from "../core/logger.js";

// Apollo's own codes for requests that could not be parsed or validated: the client's doing,
// reported as BAD_USER_INPUT with Apollo's code kept as the reason.
const REQUEST_ERROR_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
]);

/** Follows originalError links down to the DomainError a service threw, if any. */
function domainErrorOf(error: unknown): DomainError | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current instanceof DomainError) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return null;
}

/**
 * Every error leaves the server with one of DESIGN.md's codes. A DomainError keeps its code
 * and details; request errors become BAD_USER_INPUT; anything else is a bug: logged in full,
 * answered as INTERNAL_SERVER_ERROR without details.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const domain = domainErrorOf(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    if (domain) return { ...base, message: domain.message, extensions: { code: domain.code, ...domain.details } };

    const code = String(formatted.extensions?.code ?? "");
    if (USER_ERROR_CODES.has(code))
      return { ...base, extensions: pick(formatted.extensions, ["code", "field", "retryAfterSeconds"]) };
    if (REQUEST_ERROR_CODES.has(code)) return { ...base, extensions: { code: "BAD_USER_INPUT", reason: code } };
    if (isCodelessRequestError(error))
      return { ...base, extensions: { code: "BAD_USER_INPUT", reason: "BAD_REQUEST" } };

    logger.error(
      { err: error instanceof GraphQLError ? (error.originalError ?? error) : error, path: formatted.path },
      "unexpected error",
    );
    return { ...base, message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } };
  };
}

/**
 * Apollo refuses some requests with no code, only a 4xx status (a persisted query of an unknown
 * version, or whose hash does not match its text): the client's mistake, not a bug.
 */
function isCodelessRequestError(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.extensions.code !== undefined || error.originalError) return false;
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  return typeof status === "number" && status >= 400 && status < 500;
}

function pick(source: Record<string, unknown> | undefined, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => source?.[k] !== undefined).map((k) => [k, source?.[k]]));
}
