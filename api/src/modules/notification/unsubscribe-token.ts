import { createHmac, timingSafeEqual } from "node:crypto";

/** What one unsubscribe link mutes: a thread, a community, a document, or all email (digests). */
export type UnsubscribeScope =
  | { userId: string; scope: "THREAD" | "COMMUNITY" | "DELIVERABLE"; id: string }
  | { userId: string; scope: "EMAIL" };

const SCOPES = new Set(["THREAD", "COMMUNITY", "DELIVERABLE", "EMAIL"]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const mac = (secret: string, body: string) => createHmac("sha256", secret).update(`unsubscribe.${body}`).digest();

/**
 * Unsubscribe links only select a scope, they grant nothing else: a signed statement (HMAC-SHA256
 * with SIGNING_SECRET) rather than a stored single-use token, so a link keeps working from any old
 * email and costs no row. The "unsubscribe." prefix keeps this MAC from ever matching one made for
 * another purpose with the same secret.
 */
export function signUnsubscribe(secret: string, what: UnsubscribeScope): string {
  const parts = what.scope === "EMAIL" ? [what.userId, what.scope] : [what.userId, what.scope, what.id];
  const body = Buffer.from(parts.join(".")).toString("base64url");
  return `${body}.${mac(secret, body).toString("base64url")}`;
}

/** The scope a token names, or null when it is malformed or its signature does not match. */
export function verifyUnsubscribe(secret: string, token: unknown): UnsubscribeScope | null {
  if (typeof token !== "string" || token.length > 400) return null;
  const [body, signature, ...rest] = token.split(".");
  if (!body || !signature || rest.length) return null;
  const given = Buffer.from(signature, "base64url");
  const expected = mac(secret, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const [userId, scope, id, ...more] = Buffer.from(body, "base64url").toString("utf8").split(".");
  if (more.length || !userId || !UUID.test(userId) || !scope || !SCOPES.has(scope)) return null;
  if (scope === "EMAIL") return id === undefined ? { userId, scope } : null;
  if (!id || !UUID.test(id)) return null;
  return { userId, scope: scope as "THREAD" | "COMMUNITY" | "DELIVERABLE", id };
}
