import { createHash, createHmac } from "node:crypto";

/**
 * The personal feed's secret. calendar_feeds keeps only its SHA-256 (a database copy alone opens
 * no feed); the token itself is an HMAC of the owner and the moment the feed was (re)made, under
 * the server's signing secret, so the server can show its owner the URL again (`calendarFeedUrl`)
 * without storing it. A reset moves that moment, which makes a new token and revokes the old one;
 * changing SIGNING_SECRET revokes every feed.
 */
export function feedToken(secret: string, userId: string, madeAt: Date): string {
  return createHmac("sha256", secret).update(`calendar-feed\n${userId}\n${madeAt.toISOString()}`).digest("base64url");
}

export const feedTokenHash = (token: string): string => createHash("sha256").update(token).digest("base64url");

/** What a token looks like (32 bytes in base64url): anything else is not looked up. */
export const isFeedToken = (token: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(token);
