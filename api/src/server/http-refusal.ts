import type { Response } from "express";
import { DomainError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, RATE_LIMITED: 429 };

/**
 * Answers a plain-HTTP route's refusal as text with its status: a service's DomainError by its
 * code (other codes are the client's mistake, 400), an expired session as 401, anything else as
 * a logged 500 (`failure` names what failed in the log).
 */
export function refuseOverHttp(res: Response, err: unknown, logger: Logger, failure: string) {
  if (err instanceof DomainError) {
    const retry = err.details.retryAfterSeconds;
    if (typeof retry === "number") res.setHeader("Retry-After", String(retry));
    return res
      .status(STATUS[err.code] ?? 400)
      .type("text")
      .send(err.message);
  }
  const status = (err as { extensions?: { http?: { status?: number } } }).extensions?.http?.status;
  if (status) return res.status(status).type("text").send("Log in again.");
  logger.error({ err }, failure);
  return res.status(500).type("text").send("The export failed.");
}
