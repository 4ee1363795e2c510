import { CombinedGraphQLErrors, ServerError } from "@apollo/client/errors";
import type { GraphQLFormattedError } from "graphql";

/** The error codes the api promises (DESIGN.md "Errors"), plus what the network can add. */
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "BAD_USER_INPUT"
  | "NOT_FOUND"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "QUERY_TOO_COMPLEX"
  | "NETWORK"
  | "UNKNOWN";

const KNOWN: ReadonlySet<string> = new Set<ErrorCode>([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "CONFLICT",
  "RATE_LIMITED",
  "QUERY_TOO_COMPLEX",
]);

export interface ApiProblem {
  code: ErrorCode;
  /** The input field at fault, from `extensions.field` of BAD_USER_INPUT (and sometimes CONFLICT). */
  field?: string;
  /** Why, where the api says more than the code: EMAIL_NOT_VERIFIED, a link's UNKNOWN/EXPIRED/USED… */
  reason?: string;
  /** RATE_LIMITED: how many seconds until the action may be tried again. */
  retryAfterSeconds?: number;
  /** The figure of the limit a refusal is about (the new-member limits: links per post, threads a day…). */
  max?: number;
  /** Until when a sanction holds (reason SUSPENDED or RESTRICTED), an ISO date. */
  until?: string;
  message: string;
}

function fromGraphQL(error: GraphQLFormattedError): ApiProblem {
  const code = error.extensions?.code;
  const field = error.extensions?.field;
  const reason = error.extensions?.reason;
  const retryAfterSeconds = error.extensions?.retryAfterSeconds;
  const max = error.extensions?.max;
  const until = error.extensions?.until;
  return {
    code: typeof code === "string" && KNOWN.has(code) ? (code as ErrorCode) : "UNKNOWN",
    ...(typeof field === "string" ? { field } : {}),
    ...(typeof reason === "string" ? { reason } : {}),
    ...(typeof retryAfterSeconds === "number" ? { retryAfterSeconds } : {}),
    ...(typeof max === "number" ? { max } : {}),
    ...(typeof until === "string" ? { until } : {}),
    message: error.message,
  };
}

function errorsInBody(bodyText: string): GraphQLFormattedError[] {
  try {
    const body: unknown = JSON.parse(bodyText);
    if (body && typeof body === "object" && "errors" in body && Array.isArray(body.errors)) {
      return body.errors as GraphQLFormattedError[];
    }
  } catch {
    // not JSON: a proxy or a crash; reported as a network problem below
  }
  return [];
}

/** Flattens whatever Apollo Client hands us into the api's typed problems. */
export function apiProblems(error: unknown): ApiProblem[] {
  if (!error) return [];
  if (CombinedGraphQLErrors.is(error)) return error.errors.map(fromGraphQL);
  if (ServerError.is(error)) {
    const inBody = errorsInBody(error.bodyText);
    if (inBody.length > 0) return inBody.map(fromGraphQL);
    if (error.statusCode === 429) return [{ code: "RATE_LIMITED", message: error.message }];
  }
  const message = error instanceof Error ? error.message : String(error);
  return [{ code: "NETWORK", message }];
}

export function hasCode(error: unknown, code: ErrorCode): boolean {
  return apiProblems(error).some((p) => p.code === code);
}

/** The api's message about one input field (BAD_USER_INPUT with `extensions.field`), if any. */
export function fieldProblem(error: unknown, field: string): string | undefined {
  return apiProblems(error).find((p) => p.field === field)?.message;
}

/**
 * What a CONFLICT carries in `extensions.current`: the state the write was refused against
 * (a section's current version and body, a document's version and status…). Null otherwise.
 */
export function conflictState(error: unknown): Record<string, unknown> | null {
  let errors: readonly GraphQLFormattedError[] = [];
  if (CombinedGraphQLErrors.is(error)) errors = error.errors;
  else if (ServerError.is(error)) errors = errorsInBody(error.bodyText);
  for (const e of errors) {
    const current = e.extensions?.current;
    if (e.extensions?.code === "CONFLICT" && current && typeof current === "object") {
      return current as Record<string, unknown>;
    }
  }
  return null;
}
