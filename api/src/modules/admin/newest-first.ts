import { and, eq, lt, or, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { KeysetPosition } from "../../core/pagination.js";

/** `(created_at, id) < (cursor)`: the next page of a newest-first keyset list (core/pagination.ts has the ascending one). */
export function beforePosition(createdAt: PgColumn, id: PgColumn, p: KeysetPosition | null): SQL | undefined {
  if (!p) return undefined;
  return or(lt(createdAt, p.createdAt), and(eq(createdAt, p.createdAt), lt(id, p.id)));
}
