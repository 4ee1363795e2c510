import type { CommunityMembershipRow, CommunityRow } from "@pratica/db";
import { isAdmin, type Viewer } from "../../core/viewer.js";

/** Who may do what in a community: the one place these rules live. */
type Membership = Pick<CommunityMembershipRow, "role" | "status"> | null | undefined;

export const isActiveMember = (m: Membership): boolean => m?.status === "ACTIVE";

export const isFacilitator = (m: Membership): boolean => m?.status === "ACTIVE" && m.role === "FACILITATOR";

/** PUBLIC: anyone reads. MEMBERS: active members and admins only. */
export const canRead = (community: Pick<CommunityRow, "visibility">, viewer: Viewer | null, m: Membership): boolean =>
  community.visibility === "PUBLIC" || isActiveMember(m) || isAdmin(viewer);

/** Archived communities are read-only: kept for reading, left off the home page. */
export const isArchived = (community: Pick<CommunityRow, "archivedAt">): boolean => community.archivedAt !== null;

/**
 * Writing content (threads, posts, reactions, proposals, documents, comments) needs an active
 * membership of a community that is not archived. The archive is part of this one rule so that
 * every module's write and every `viewerCan…` field that builds on it agree without knowing of it.
 */
export const canWrite = (a: { community: Pick<CommunityRow, "archivedAt">; membership: Membership }): boolean =>
  !isArchived(a.community) && isActiveMember(a.membership);

/** Joining: an archived community takes no new members (leaving stays possible). */
export const canJoin = (community: Pick<CommunityRow, "archivedAt">): boolean => !isArchived(community);

/** Deciding on members and moderating: the community's facilitators and platform admins. */
export const canModerate = (viewer: Viewer | null, m: Membership): boolean => isFacilitator(m) || isAdmin(viewer);

/**
 * A community keeps at least one facilitator: the last one can neither leave, nor be removed or
 * stepped down. `facilitators` is the active facilitator count read under the community lock.
 */
export const takesLastFacilitator = (m: Membership, facilitators: number): boolean =>
  isFacilitator(m) && facilitators <= 1;

type Target = Pick<CommunityMembershipRow, "userId" | "role" | "status">;

/** Who sees a community's members: its readers the active ones, its moderators the pending requests. */
export const canSeeMembers = (
  community: Pick<CommunityRow, "visibility">,
  viewer: Viewer | null,
  m: Membership,
  status: CommunityMembershipRow["status"],
): boolean => (status === "ACTIVE" ? canRead(community, viewer, m) : canModerate(viewer, m));

/** A request to join is approved or rejected by a moderator while it is still pending. */
export const canDecideMembership = (viewer: Viewer | null, m: Membership, target: Pick<Target, "status">): boolean =>
  canModerate(viewer, m) && target.status === "PENDING";

/**
 * Moderators remove others (leaving yourself is `leave`); only admins remove a facilitator.
 * Whether they are the last facilitator is a count read under the community lock
 * (`takesLastFacilitator`): a CONFLICT then, not a permission.
 */
export const canRemoveMember = (viewer: Viewer | null, m: Membership, target: Target): boolean =>
  viewer !== null &&
  canModerate(viewer, m) &&
  target.userId !== viewer.id &&
  (target.role !== "FACILITATOR" || isAdmin(viewer));

/** Admins appoint and step down facilitators… */
export const canChangeRoles = (viewer: Viewer | null): boolean => isAdmin(viewer);

/** …among active members (taking the last facilitator away is a CONFLICT, see `takesLastFacilitator`). */
export const canChangeRole = (viewer: Viewer | null, target: Pick<Target, "status">): boolean =>
  canChangeRoles(viewer) && target.status === "ACTIVE";
