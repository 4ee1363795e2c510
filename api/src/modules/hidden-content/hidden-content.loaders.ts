import { type Database, moderationCases } from "@pratica/db";
import { inArray } from "drizzle-orm";
import { keyedLoader } from "../../core/loader.js";

export const hiddenContentLoaders = (db: Database) => ({
  /** The case that hid a piece of content (its `hidden_case_id`): whether by the system, and why. */
  hidingCaseById: keyedLoader(
    (ids: readonly string[]) =>
      db
        .select({
          id: moderationCases.id,
          state: moderationCases.state,
          reason: moderationCases.reason,
          autoHiddenAt: moderationCases.autoHiddenAt,
          decidedAt: moderationCases.decidedAt,
        })
        .from(moderationCases)
        .where(inArray(moderationCases.id, [...ids])),
    (c) => c.id,
  ),
});
