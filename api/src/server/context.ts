import type { Database } from "@pratica/db";
import type { Request, Response } from "express";
import { GraphQLError } from "graphql";
import type { Caller, Context, SessionCookie } from "../core/context.js";
import { unauthenticated } from "../core/errors.js";
import { createLoaders } from "../core/loaders.js";
import type { Services } from "../core/services.js";
import type { Viewer } from "../core/viewer.js";
import { SESSION_COOKIE, tokenFrom } from "./auth.js";

export type ContextDeps = { db: Database; services: Services; secureCookies: boolean };

export function buildContext(
  deps: ContextDeps,
  viewer: Viewer | null,
  caller: Caller,
  sessionCookie: SessionCookie,
): Context {
  return { viewer, loaders: createLoaders(deps.db, viewer), services: deps.services, caller, sessionCookie };
}

/** Context of one HTTP request. A token that names no live session is refused outright. */
export async function httpContext(deps: ContextDeps, req: Request, res: Response): Promise<Context> {
  const token = tokenFrom(req.headers.authorization, req.headers.cookie);
  const viewer = token === null ? null : await deps.services.sessions.resolve(token);
  const caller = { address: req.ip ?? "unknown", userAgent: req.headers["user-agent"] };
  if (token !== null && !viewer) {
    if (req.headers.authorization === undefined) {
      // A stale cookie: drop it and carry on anonymously, as a browser user would expect.
      clearCookie(res, deps.secureCookies);
    } else {
      const refusal = unauthenticated("Your session has expired or was revoked. Log in again.");
      throw new GraphQLError(refusal.message, { originalError: refusal, extensions: { http: { status: 401 } } });
    }
  }
  return buildContext(deps, viewer, caller, {
    set: (value, maxAge) =>
      res.cookie(SESSION_COOKIE, value, {
        httpOnly: true,
        sameSite: "lax",
        secure: deps.secureCookies,
        path: "/",
        maxAge: maxAge * 1000,
      }),
    clear: () => clearCookie(res, deps.secureCookies),
  });
}

function clearCookie(res: Response, secure: boolean) {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: "lax", secure, path: "/" });
}
