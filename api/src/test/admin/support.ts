import { randomUUID } from "node:crypto";
import { auditLog, type Database, type OrganizationRow, organizations } from "@pratica/db";
import { sql } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import { expect } from "vitest";
import { errorCode, type GqlResult, gql } from "../client.js";
import { buildUser, type TestUser } from "../factories.js";

export const buildAdmin = (db: Database): Promise<TestUser> => buildUser(db, { role: "ADMIN" });

export async function buildOrganization(
  db: Database,
  overrides: Partial<typeof organizations.$inferInsert> = {},
): Promise<OrganizationRow> {
  const slug = `o-${randomUUID().slice(0, 8)}`;
  const [row] = await db
    .insert(organizations)
    .values({
      slug,
      name: `Organisation ${slug}`,
      nameIt: `Organizzazione ${slug}`,
      category: "PRIVATE_SECTOR",
      ...overrides,
    })
    .returning();
  if (!row) throw new Error("organization not created");
  return row;
}

/** The whole audit log, oldest first: a refusal must leave it as it was. */
export const auditRows = (db: Database) => db.select().from(auditLog).orderBy(auditLog.createdAt, auditLog.id);

/** Rows of a table as JSON, for "a refusal changes nothing" (compare before and after). */
export async function tableState(db: Database, table: string): Promise<string> {
  const result: unknown = await db.execute(sql.raw(`select * from ${table} order by id`));
  // PGlite answers { rows }, postgres.js the rows themselves.
  return JSON.stringify(typeof result === "object" && result !== null && "rows" in result ? result.rows : result);
}

/**
 * Runs a request that must be refused with `code` (and `field` when given), and checks that the
 * named tables and the audit log are exactly as before.
 */
export async function refusedUnchanged(
  db: Database,
  tables: readonly string[],
  request: () => Promise<GqlResult>,
  code: string,
  field?: string,
): Promise<GqlResult> {
  const before = await Promise.all([...tables, "audit_log"].map((t) => tableState(db, t)));
  const res = await request();
  expect(errorCode(res), JSON.stringify(res.errors)).toBe(code);
  if (field) expect(res.errors?.[0]?.extensions?.field).toBe(field);
  const after = await Promise.all([...tables, "audit_log"].map((t) => tableState(db, t)));
  expect(after).toEqual(before);
  return res;
}

/** A GraphQL request as `user` (a `{ token }`), anonymous when undefined, in a language. */
export const as =
  (url: string) =>
  (user: { token: string } | undefined, query: string, variables: Record<string, unknown> = {}, language?: string) =>
    gql(url, query, variables, {
      token: user?.token,
      headers: language ? { "accept-language": language } : {},
    });

/** The invitation link in a received email, and its token. */
export function linkIn(mail: ParsedMail): { url: URL; token: string } {
  const match = (mail.text ?? "").match(/https?:\/\/\S+\/invitation\?token=[\w-]+/);
  if (!match) throw new Error(`no invitation link in: ${mail.text}`);
  const url = new URL(match[0]);
  return { url, token: url.searchParams.get("token") ?? "" };
}
