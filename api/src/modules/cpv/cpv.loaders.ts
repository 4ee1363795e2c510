import { cpvCodes, type Database } from "@pratica/db";
import { asc, inArray } from "drizzle-orm";
import { groupedLoader, keyedLoader } from "../../core/loader.js";

/** Public reference data: the same for every viewer. */
export const cpvLoaders = (db: Database) => ({
  cpvByCode: keyedLoader(
    (codes: readonly string[]) =>
      db
        .select()
        .from(cpvCodes)
        .where(inArray(cpvCodes.code, [...codes])),
    (c) => c.code,
  ),
  cpvChildren: groupedLoader(
    (codes: readonly string[]) =>
      db
        .select()
        .from(cpvCodes)
        .where(inArray(cpvCodes.parentCode, [...codes]))
        .orderBy(asc(cpvCodes.code)),
    (c) => c.parentCode as string,
  ),
});
