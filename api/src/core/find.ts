import type { Executor } from "@pratica/db";
import { eq } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import { notFound } from "./errors.js";
import { isUuid } from "./ids.js";

/**
 * One row by id, or NOT_FOUND naming `what`. A string that is not a UUID names nothing, so it is
 * NOT_FOUND before PostgreSQL would reject the cast with an internal error.
 */
export async function findById<T extends PgTable & { id: AnyPgColumn }>(
  db: Executor,
  table: T,
  id: string,
  what: string,
): Promise<T["$inferSelect"]> {
  // drizzle cannot type a select over a generic table; the row is the table's own select type.
  const rows = isUuid(id)
    ? await db
        .select()
        .from(table as PgTable)
        .where(eq(table.id, id))
        .limit(1)
    : [];
  const row = rows[0] as T["$inferSelect"] | undefined;
  if (!row) throw notFound(what);
  return row;
}
