import { type Database, fundingCalls } from "@pratica/db";
import { inArray } from "drizzle-orm";
import { keyedLoader } from "../../core/loader.js";

/** Funding calls are public: the rows answer the same for every viewer. */
export const fundingCallLoaders = (db: Database) => ({
  fundingCallById: keyedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(fundingCalls)
        .where(inArray(fundingCalls.id, [...ids])),
    (c) => c.id,
  ),
});
