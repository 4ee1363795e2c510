import { parse } from "cookie";

export const SESSION_COOKIE = "pratica_session";

/** A token from `Authorization: Bearer …`, else from the session cookie; null when neither. */
export function tokenFrom(authorization: unknown, cookieHeader: string | undefined): string | null {
  if (typeof authorization === "string") {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    return match?.[1] ?? "";
  }
  return sessionCookie(cookieHeader);
}

export function sessionCookie(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  return parse(cookieHeader)[SESSION_COOKIE] ?? null;
}
