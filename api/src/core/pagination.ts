import { and, asc, eq, gt, or, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
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

/**
 * A cursor from a client, decoded by the list's own zod schema of what it hands out; null when
 * none was sent. Cursors are opaque but easy to forge, and each value reaches a PostgreSQL cast
 * (uuid, timestamptz, int4, real) that would fail as an internal error: anything the schema does
 * not accept is BAD_USER_INPUT naming the argument (`after`, `upTo`…).
 */
export function decodeCursor<S extends z.ZodType>(
  schema: S,
  cursor: string | null | undefined,
  field = "after",
): z.output<S> | null {
  if (cursor == null) return null;
  const decoded = schema.safeParse(cursor);
  if (decoded.success) return decoded.data;
  return raise(field, `${field} is not a valid cursor.`);
}

// Far beyond any cursor a list hands out; bounds the work on a forged one.
const MAX_CURSOR_LENGTH = 512;

/** A base64url-encoded JSON value checked by `shape`: the form of the keyset cursors. */
export const jsonCursor = <T extends z.ZodType>(shape: T) =>
  z
    .string()
    .max(MAX_CURSOR_LENGTH)
    .transform((text, ctx): unknown => {
      try {
        return JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
      } catch {
        ctx.addIssue({ code: "custom", message: "not a cursor" });
        return z.NEVER;
      }
    })
    .pipe(shape);

/** Every keyset id is a uuid. */
export const cursorId = z.string().refine(isUuid);

// Cursor times are what toISOString wrote, and it writes years outside 1–9999 in a signed
// six-digit form PostgreSQL does not read (its timestamptz spans 4713 BC–294276 AD).
const FIRST_TIME = Date.parse("0001-01-01T00:00:00.000Z");
const LAST_TIME = Date.parse("9999-12-31T23:59:59.999Z");

/** An instant as encodeCursor writes it (exactly: no other spelling, no day 31 rolling over). */
export const cursorTime = z
  .string()
  .refine((text) => {
    const time = Date.parse(text);
    return time >= FIRST_TIME && time <= LAST_TIME && new Date(time).toISOString() === text;
  })
  .transform((text) => new Date(text));

/** A value of an `integer` column (int4). */
export const cursorInt4 = z
  .number()
  .int()
  .min(-(2 ** 31))
  .max(2 ** 31 - 1);

/**
 * A sequence cursor is the number itself ("123"): post seqs and event ids (bigint, within
 * JavaScript's safe integers) by default, a version (int4) with `max` 2^31 - 1.
 */
export const sequenceCursor = (max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .regex(/^\d{1,16}$/)
    .transform(Number)
    .pipe(z.number().int().max(max));

/** Post seqs, thread and deliverable event ids. */
export const seqCursor = sequenceCursor();
/** Versions of a section's revisions. */
export const versionCursor = sequenceCursor(2 ** 31 - 1);

/** A row's (created_at, id), as encodeCursor writes it. */
export const keysetCursor = jsonCursor(z.tuple([cursorTime, cursorId])).transform(
  ([createdAt, id]): KeysetPosition => ({ createdAt, id }),
);

/** `(created_at, id) > (cursor)` in ascending order, written so an index on both serves it. */
export function afterPosition(createdAt: PgColumn, id: PgColumn, position: KeysetPosition | null): SQL | undefined {
  if (!position) return undefined;
  return or(gt(createdAt, position.createdAt), and(eq(createdAt, position.createdAt), gt(id, position.id)));
}

export const ascending = (createdAt: PgColumn, id: PgColumn) => [asc(createdAt), asc(id)];

/**
 * Cursors of lists sorted by something other than creation (threads, the library) carry the
 * sort key of the last row: [pinned or featured, key, id], where key is an ISO time or a count
 * (an int4 column).
 */
export type SortedPosition = { pinned: boolean; key: string | number; id: string };

export const encodeSortedCursor = (p: SortedPosition) =>
  Buffer.from(JSON.stringify([p.pinned, p.key, p.id])).toString("base64url");

const sortedBy = <K extends z.ZodType>(key: K) =>
  jsonCursor(z.tuple([z.boolean(), key, cursorId])).transform(([pinned, value, id]) => ({ pinned, key: value, id }));

/** The cursors of a list sorted by a time or by a count, for decodeCursor. */
export const sortedCursor = { time: sortedBy(cursorTime), count: sortedBy(cursorInt4) };

/** Rows were fetched with limit size + 1; the extra one only says there is a next page. */
export function toPage<T extends KeysetPosition>(rows: T[], size: number): Page<T> {
  const nodes = rows.slice(0, size);
  return { nodes, cursors: nodes.map(encodeCursor), hasNextPage: rows.length > size };
}

function raise(field: string, message: string): never {
  throw badInput(field, message);
}
