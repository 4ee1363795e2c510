import { and, asc, eq, gt, or, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { badInput } from "./errors.js";
import { isUuid } from "./ids.js";

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export type PageArgs = { first?: number | null | undefined; after?: string | null | undefined };
export type Page<T> = { nodes: T[]; cursors: string[]; hasNextPage: boolean };

/** Keyset position: a row's (created_at, id). created_at is stored in milliseconds, so it round-trips. */
export type KeysetPosition = { createdAt: Date; id: string };

export function pageSize(first: number | null | undefined): number {
  if (first == null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1) return raise("first", "first must be a positive integer.");
  if (first > MAX_PAGE_SIZE) return raise("first", `first may be at most ${MAX_PAGE_SIZE}.`);
  return first;
}

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id])).toString("base64url");
}

export function decodeCursor(cursor: string | null | undefined): KeysetPosition | null {
  if (cursor == null) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === "string" &&
      typeof parsed[1] === "string" &&
      // Every keyset id is a uuid; anything else would reach PostgreSQL's cast as an internal error.
      isUuid(parsed[1])
    ) {
      const createdAt = new Date(parsed[0]);
      if (!Number.isNaN(createdAt.getTime())) return { createdAt, id: parsed[1] };
    }
  } catch {
    // fall through to the clear error below
  }
  return raise("after", "after is not a valid cursor.");
}

/** `(created_at, id) > (cursor)` in ascending order, written so an index on both serves it. */
export function afterPosition(createdAt: PgColumn, id: PgColumn, position: KeysetPosition | null): SQL | undefined {
  if (!position) return undefined;
  return or(gt(createdAt, position.createdAt), and(eq(createdAt, position.createdAt), gt(id, position.id)));
}

export const ascending = (createdAt: PgColumn, id: PgColumn) => [asc(createdAt), asc(id)];

/** Rows were fetched with limit size + 1; the extra one only says there is a next page. */
export function toPage<T extends KeysetPosition>(rows: T[], size: number): Page<T> {
  const nodes = rows.slice(0, size);
  return { nodes, cursors: nodes.map(encodeCursor), hasNextPage: rows.length > size };
}

function raise(field: string, message: string): never {
  throw badInput(field, message);
}
