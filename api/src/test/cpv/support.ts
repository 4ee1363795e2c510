import { readFileSync } from "node:fs";
import { type Database, loadCpvCodes, parseCpvCsv } from "@pratica/db";

/** The shipped subset, as people edit it. */
export const SUBSET_CSV = readFileSync(
  new URL("../../../../db/src/seed/data/cpv/cpv-subset.csv", import.meta.url),
  "utf8",
);

/** Test databases are not seeded: load the shipped CPV subset (idempotent). */
export const loadSubset = (db: Database) => db.transaction((tx) => loadCpvCodes(tx, parseCpvCsv(SUBSET_CSV)));
