/**
 * The refusals a user can cause, one helper per code. Services throw these; the server's
 * error formatter turns them into GraphQL errors with `extensions.code`. Anything else that
 * escapes a resolver is a bug and is reported as INTERNAL_SERVER_ERROR without details.
 */
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "BAD_USER_INPUT"
  | "NOT_FOUND"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "QUERY_TOO_COMPLEX";

export const USER_ERROR_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "CONFLICT",
  "RATE_LIMITED",
  "QUERY_TOO_COMPLEX",
]);

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const unauthenticated = (message = "You need to log in to do this.") =>
  new DomainError("UNAUTHENTICATED", message);

export const forbidden = (message = "You are not allowed to do this.") => new DomainError("FORBIDDEN", message);

/** `more`: what else helps the client say it in the reader's language (a `reason`, a limit's figure). */
export const badInput = (field: string, message: string, more: Record<string, unknown> = {}) =>
  new DomainError("BAD_USER_INPUT", message, { ...more, field });

export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} not found.`);

export const conflict = (message: string, current?: unknown) =>
  new DomainError("CONFLICT", message, current === undefined ? {} : { current });

export const rateLimited = (message: string, retryAfterSeconds: number, more: Record<string, unknown> = {}) =>
  new DomainError("RATE_LIMITED", message, { ...more, retryAfterSeconds });

export const queryTooComplex = (message: string) => new DomainError("QUERY_TOO_COMPLEX", message);
