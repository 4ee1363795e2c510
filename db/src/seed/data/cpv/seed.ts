import { sql } from "drizzle-orm";
import type { Executor } from "../../../client.js";
import { loadCpvCodes, parseCpvCsv } from "./load.js";
import { CPV_SUBSET_CSV } from "./subset.js";

/**
 * Reference data, seeded with or without the demo: the CPV subset, only into an empty table, so
 * a full official list loaded by `cpv:load` is never overwritten by the subset. Answers the rows loaded.
 */
export async function seedCpvSubset(tx: Executor): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from cpv_codes`));
  if ((row?.n ?? 0) > 0) return 0;
  return loadCpvCodes(tx, parseCpvCsv(CPV_SUBSET_CSV));
}

/** db.execute answers an array (postgres.js) or `{ rows }` (PGlite). */
const rowsOf = <T>(result: unknown): T[] =>
  Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
