import { and, asc, desc, eq, gt, lt, or, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { KeysetPosition } from "../../core/pagination.js";

/**
 * The keyset of a list on (created_at, id) in either direction: the rows after the cursor and
 * the order. The queue reads oldest first by default (what has waited longest comes first) and
 * newest first on request; the other lists of this module are newest first.
 */
export function keyset(
  createdAt: PgColumn,
  id: PgColumn,
  position: KeysetPosition | null,
  newestFirst: boolean,
): { after: SQL | undefined; order: SQL[] } {
  const beyond = newestFirst ? lt : gt;
  return {
    after: position
      ? or(beyond(createdAt, position.createdAt), and(eq(createdAt, position.createdAt), beyond(id, position.id)))
      : undefined,
    order: newestFirst ? [desc(createdAt), desc(id)] : [asc(createdAt), asc(id)],
  };
}
