import type { AppealRow, CommunityMembershipRow, ModerationCaseRow } from "@pratica/db";
import { isAdmin, type Viewer } from "../../core/viewer.js";
import { isFacilitator } from "../community/community.policy.js";
import { appealDeadline } from "./moderation.workflow.js";

/** Who may do what with moderation cases: the one place these rules live. */

type Membership =
  | Pick<CommunityMembershipRow, "role" | "status" | "suspendedUntil" | "restrictedUntil">
  | null
  | undefined;
type CaseFacts = Pick<
  ModerationCaseRow,
  "communityId" | "targetAuthorId" | "state" | "decidedBy" | "decidedAt" | "autoHiddenAt" | "action"
>;

/**
 * A case's moderators: the active facilitators of its community and the platform admins; a
 * profile's case (no community) is the admins' alone. Never the target's author: nobody judges
 * their own content, whatever their role. `membership` is the viewer's in the case's community.
 */
export const isCaseModerator = (
  viewer: Viewer | null,
  caseRow: Pick<CaseFacts, "communityId" | "targetAuthorId">,
  membership: Membership,
): boolean =>
  viewer !== null &&
  viewer.id !== caseRow.targetAuthorId &&
  (isAdmin(viewer) || (caseRow.communityId !== null && isFacilitator(membership)));

/** The author of the reported content or profile. */
export const isCaseAuthor = (viewer: Viewer | null, caseRow: Pick<CaseFacts, "targetAuthorId">): boolean =>
  viewer !== null && viewer.id === caseRow.targetAuthorId;

/** A case's moderators decide it while it is open, and undo a decision (RESTORE) while actioned. */
export const canDecideCase = (viewer: Viewer | null, caseRow: CaseFacts, membership: Membership): boolean =>
  isCaseModerator(viewer, caseRow, membership) && (caseRow.state === "OPEN" || caseRow.state === "ACTIONED");

/** Only a case's moderators decide on it at all (the state is the workflow's: a CONFLICT, not a permission). */
export const mayModerateCase = (viewer: Viewer | null, caseRow: CaseFacts, membership: Membership): boolean =>
  isCaseModerator(viewer, caseRow, membership);

/**
 * Whether the author was told about the case: its target was hidden (by the system or a person)
 * or they were sanctioned. Before that, an open case is between its reporters and the moderators.
 */
export const authorWasTold = (caseRow: CaseFacts): boolean =>
  caseRow.autoHiddenAt !== null || (caseRow.state !== "OPEN" && caseRow.state !== "DISMISSED");

/** The author appeals a decision once, while it stands (ACTIONED), within 20 days of it. */
export const canAppeal = (
  viewer: Viewer | null,
  caseRow: CaseFacts,
  appeal: Pick<AppealRow, "id"> | null,
  now: Date,
): boolean => {
  const deadline = appealDeadline(caseRow);
  return isCaseAuthor(viewer, caseRow) && appeal === null && deadline !== null && now.getTime() < deadline.getTime();
};

/**
 * An appeal is decided by a case moderator other than the one who made the decision appealed:
 * the "different moderator" rule, enforced here for the service and the `viewerCan…` field.
 */
export const canDecideAppeal = (viewer: Viewer | null, caseRow: CaseFacts, membership: Membership): boolean =>
  isCaseModerator(viewer, caseRow, membership) && caseRow.state === "APPEALED" && caseRow.decidedBy !== viewer?.id;

/** Whether the viewer is the moderator who made the decision under appeal (FORBIDDEN, SAME_MODERATOR). */
export const isDecidingModerator = (viewer: Viewer | null, caseRow: Pick<CaseFacts, "decidedBy">): boolean =>
  viewer !== null && caseRow.decidedBy === viewer.id;

/** Moderators see every case of theirs; the author once told; the reporters their own report's case. */
export const canSeeCase = (
  viewer: Viewer | null,
  caseRow: CaseFacts,
  membership: Membership,
  isReporter: boolean,
): boolean =>
  viewer !== null &&
  (isCaseModerator(viewer, caseRow, membership) ||
    (isCaseAuthor(viewer, caseRow) && authorWasTold(caseRow)) ||
    isReporter);

/** What moderators alone read of a case: reports and reporters, the notes, the actors, the author's record. */
export const canSeeCaseInternals = (viewer: Viewer | null, caseRow: CaseFacts, membership: Membership): boolean =>
  isCaseModerator(viewer, caseRow, membership);

/** The private conversation: the author (once told) and the case's moderators. */
export const canMessage = (viewer: Viewer | null, caseRow: CaseFacts, membership: Membership): boolean =>
  authorWasTold(caseRow) && (isCaseModerator(viewer, caseRow, membership) || isCaseAuthor(viewer, caseRow));

/** The threshold of automatic hiding: the community's facilitators and admins. */
export const canSetAutoHideThreshold = (viewer: Viewer | null, membership: Membership): boolean =>
  isAdmin(viewer) || isFacilitator(membership);

/** Platform-wide restrictions and suspensions: admins only. */
export const canSanctionPlatform = (viewer: Viewer | null): boolean => isAdmin(viewer);

/** Vouching lifts new-member limits: a facilitator of a community the user is in, or an admin. */
export const canVouch = (viewer: Viewer | null, facilitatesOneOfTheirCommunities: boolean): boolean =>
  isAdmin(viewer) || facilitatesOneOfTheirCommunities;
