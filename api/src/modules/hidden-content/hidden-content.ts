import type { Context } from "../../core/context.js";
import type { ModerationNotice } from "./hidden-content.type.js";

/** A row of a reportable table: every one carries these two columns (migration 0009). */
export type Hideable = { hiddenAt: Date | null; hiddenCaseId: string | null };

/**
 * The notice shown in place of hidden content, or null when it is not hidden. `mayActOn` is
 * `canSeeHidden` for this viewer and row: only then is the case named.
 */
export async function moderationNotice(
  ctx: Context,
  row: Hideable,
  mayActOn: boolean,
): Promise<ModerationNotice | null> {
  if (!row.hiddenAt || !row.hiddenCaseId) return null;
  const hidingCase = await ctx.loaders.hidingCaseById.load(row.hiddenCaseId);
  return {
    // Hidden by the system and not yet reviewed: the case is still open with its auto-hide mark.
    hiddenBy: hidingCase?.autoHiddenAt && hidingCase.state === "OPEN" ? "SYSTEM" : "MODERATORS",
    reason: hidingCase?.reason ?? "OTHER",
    caseId: mayActOn ? row.hiddenCaseId : null,
  };
}
