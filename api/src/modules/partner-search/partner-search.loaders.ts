import { type Database, partnerInterests, partnerSearches } from "@pratica/db";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { groupedLoader, keyedLoader } from "../../core/loader.js";

/** Rows as stored, the same for every viewer: who may read one is decided where it is reached (partner-search.policy.ts). */
export const partnerSearchLoaders = (db: Database) => ({
  partnerSearchById: keyedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(partnerSearches)
        .where(inArray(partnerSearches.id, [...ids])),
    (s) => s.id,
  ),
  partnerInterestById: keyedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(partnerInterests)
        .where(inArray(partnerInterests.id, [...ids])),
    (i) => i.id,
  ),
  /** Every interest of a search, oldest first (the fields filter them per viewer). */
  interestsBySearch: groupedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(partnerInterests)
        .where(inArray(partnerInterests.searchId, [...ids]))
        .orderBy(asc(partnerInterests.createdAt), asc(partnerInterests.id)),
    (i) => i.searchId,
  ),
  /** A call's OPEN searches, newest first. */
  openSearchesByCall: groupedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(partnerSearches)
        .where(and(inArray(partnerSearches.callId, [...ids]), eq(partnerSearches.status, "OPEN")))
        .orderBy(desc(partnerSearches.createdAt), desc(partnerSearches.id)),
    (s) => s.callId,
  ),
  /** Interests still standing (PENDING or CONFIRMED) per search: the public count. */
  standingInterestCount: keyedLoader(
    (ids: readonly string[]) =>
      db
        .select({ searchId: partnerInterests.searchId, n: sql<number>`count(*)::int` })
        .from(partnerInterests)
        .where(
          and(inArray(partnerInterests.searchId, [...ids]), inArray(partnerInterests.status, ["PENDING", "CONFIRMED"])),
        )
        .groupBy(partnerInterests.searchId),
    (r) => r.searchId,
  ),
});
