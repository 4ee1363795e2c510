import { applicationTransitions, type Database, membershipApplications } from "@pratica/db";
import { asc, inArray } from "drizzle-orm";
import { groupedLoader, keyedLoader } from "../../core/loader.js";

/**
 * Rows as stored, the same for every viewer: who may read one is decided where it is reached
 * (membership-application.policy.ts `canReadApplication`), never by the loader.
 */
export const applicationLoaders = (db: Database) => ({
  membershipApplicationById: keyedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(membershipApplications)
        .where(inArray(membershipApplications.id, [...ids])),
    (a) => a.id,
  ),
  applicationStepsByApplication: groupedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(applicationTransitions)
        .where(inArray(applicationTransitions.applicationId, [...ids]))
        .orderBy(asc(applicationTransitions.createdAt), asc(applicationTransitions.id)),
    (t) => t.applicationId,
  ),
});
