import type { IncomingMessage, ServerResponse } from "node:http";
import type { Database } from "@pratica/db";
import { serialize } from "cookie";
import { GraphQLError } from "graphql";
import Negotiator from "negotiator";
import { createLoaders } from "../app/compose.js";
import type { Caller, Context, Locale, SessionCookie } from "../core/context.js";
import { unauthenticated } from "../core/errors.js";
import type { Services } from "../core/services.js";
import type { Viewer } from "../core/viewer.js";
import { SESSION_COOKIE, tokenFrom } from "./auth.js";
import type { ClientAddress } from "./client-address.js";

export type ContextDeps = { db: Database; services: Services; secureCookies: boolean; clientAddress: ClientAddress };

export function buildContext(
  deps: ContextDeps,
  viewer: Viewer | null,
  caller: Caller,
  sessionCookie: SessionCookie,
): Context {
  return { viewer, loaders: createLoaders(deps.db, viewer), services: deps.services, caller, sessionCookie };
}

/** Context of one HTTP request. A token that names no live session is refused outright. */
export async function httpContext(deps: ContextDeps, req: IncomingMessage, res: ServerResponse): Promise<Context> {
  const token = tokenFrom(req.headers.authorization, req.headers.cookie);
  const viewer = token === null ? null : await deps.services.sessions.resolve(token);
  const caller = {
    address: deps.clientAddress(req),
    userAgent: req.headers["user-agent"],
    locale: localeOf(req.headers["accept-language"]),
  };
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
      res.appendHeader(
        "Set-Cookie",
        serialize(SESSION_COOKIE, value, {
          ...cookieOptions(deps.secureCookies),
          maxAge,
          expires: new Date(Date.now() + maxAge * 1000),
        }),
      ),
    clear: () => clearCookie(res, deps.secureCookies),
  });
}

/** Italian unless the client prefers English (the web app sends the language it shows). */
export function localeOf(acceptLanguage: string | undefined): Locale {
  const [best] = new Negotiator({ headers: { "accept-language": acceptLanguage ?? "it" } }).languages(["it", "en"]);
  return best === "en" ? "en" : "it";
}

const cookieOptions = (secure: boolean) => ({ httpOnly: true, sameSite: "lax", secure, path: "/" }) as const;

function clearCookie(res: ServerResponse, secure: boolean) {
  res.appendHeader("Set-Cookie", serialize(SESSION_COOKIE, "", { ...cookieOptions(secure), expires: new Date(0) }));
}
