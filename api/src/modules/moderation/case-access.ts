import type { CommunityMembershipRow, ModerationCaseRow } from "@pratica/db";
import type { Context } from "../../core/context.js";
import { authorWasTold, canSeeCase, isCaseAuthor, isCaseModerator } from "./moderation.policy.js";

/**
 * What the viewer is to a case, which every field of it reads: one of its moderators, the
 * target's author (told of it), one of its reporters. Read through the request's loaders, so a
 * queue page of 20 cases asks for the memberships and the viewer's reports once.
 */
export type CaseStanding = {
  membership: CommunityMembershipRow | null;
  moderator: boolean;
  /** The target's author, once told (auto-hidden or decided): before that the case is not theirs to read. */
  author: boolean;
  reporter: boolean;
  /** canSeeCase: any of the three. */
  sees: boolean;
};

export async function standingVia(ctx: Context, row: ModerationCaseRow): Promise<CaseStanding> {
  if (!ctx.viewer) return { membership: null, moderator: false, author: false, reporter: false, sees: false };
  const [membership, ownReports] = await Promise.all([
    row.communityId ? ctx.loaders.viewerMembership.load(row.communityId) : null,
    ctx.loaders.viewerReportsByCase.load(row.id),
  ]);
  const reporter = ownReports.length > 0;
  return {
    membership,
    moderator: isCaseModerator(ctx.viewer, row, membership),
    author: isCaseAuthor(ctx.viewer, row) && authorWasTold(row),
    reporter,
    sees: canSeeCase(ctx.viewer, row, membership, reporter),
  };
}

/** A case the viewer may read, else null: no difference between "none" and "not yours" (no existence leak). */
export async function seenCaseVia(ctx: Context, caseId: string): Promise<ModerationCaseRow | null> {
  const row = await ctx.loaders.caseById.load(caseId);
  if (!row) return null;
  return (await standingVia(ctx, row)).sees ? row : null;
}
