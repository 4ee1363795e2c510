import { accountTokens, sessions, users } from "@pratica/db";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import { expect } from "vitest";
import type { TestServer } from "../server.js";

/** The link to `path` in a received email, checked to be in both parts; its token. */
export function linkIn(mail: ParsedMail, path: string): { url: URL; token: string } {
  const found = mail.text
    ?.match(/https?:\/\/\S+/g)
    ?.map((u) => new URL(u))
    .find((u) => u.pathname === path);
  if (!found) throw new Error(`no link to ${path} in:\n${mail.text}`);
  expect(typeof mail.html === "string" && mail.html.includes(found.href.replaceAll("&", "&amp;"))).toBe(true);
  return { url: found, token: found.searchParams.get("token") ?? "" };
}

/** The account row as it is now (with its password hash, to tell whether a refusal changed it). */
export async function userRow(server: Pick<TestServer, "db">, id: string) {
  const [row] = await server.db.select().from(users).where(eq(users.id, id));
  if (!row) throw new Error(`no user ${id}`);
  return row;
}

/** How many of the account's sessions are not revoked. */
export async function liveSessions(server: Pick<TestServer, "db">, userId: string): Promise<number> {
  const [row] = await server.db
    .select({ n: sql<number>`count(*)::int` })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
  return row?.n ?? 0;
}

/** Makes every open token of that purpose and account already expired, as an hour later would. */
export async function expireTokens(
  server: Pick<TestServer, "db">,
  userId: string,
  purpose: (typeof accountTokens.$inferSelect)["purpose"],
) {
  await server.db
    .update(accountTokens)
    .set({ expiresAt: sql`now() - interval '1 second'` })
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose)));
}

export const uniqueEmail = (who = "someone") => `${who}-${Math.random().toString(36).slice(2, 10)}@example.org`;

export const withSmtp = (port: () => number) => () => ({
  SMTP_URL: `smtp://127.0.0.1:${port()}`,
  MAIL_FROM: "Pratica <no-reply@pratica.test>",
  MAIL_POLL_SECONDS: "0.5",
});
