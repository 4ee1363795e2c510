import type { CommunityMembershipRow, CommunityRow } from "@pratica/db";
import { DomainError } from "../../core/errors.js";
import { isAdmin, isSuspended as isSuspendedViewer, type Viewer } from "../../core/viewer.js";

/** Who may do what in a community: the one place these rules live. */
type Membership =
  | Pick<CommunityMembershipRow, "role" | "status" | "suspendedUntil" | "restrictedUntil">
  | null
  | undefined;

/**
 * A sanction in force is mirrored on the membership (moderation module) and cleared when it is
 * lifted or runs out (LIFT), so "set" is the rule: no clock here. Suspended members count as not
 * active (they neither write nor read a members-only community, nor moderate); restricted ones stay
 * active (they read) but do not write. Appealing and messaging their case build on neither.
 */
export const isSuspended = (m: Membership): boolean => m?.suspendedUntil != null;
export const isRestricted = (m: Membership): boolean => m?.restrictedUntil != null;

export const isActiveMember = (m: Membership): boolean => m?.status === "ACTIVE" && !isSuspended(m);

export const isFacilitator = (m: Membership): boolean => isActiveMember(m) && m?.role === "FACILITATOR";

/**
 * PUBLIC: anyone reads. MEMBERS: active members and admins only — not while the account is
 * suspended from the platform: it then reads what anyone reads.
 */
export const canRead = (community: Pick<CommunityRow, "visibility">, viewer: Viewer | null, m: Membership): boolean =>
  community.visibility === "PUBLIC" || (isActiveMember(m) && !isSuspendedViewer(viewer)) || isAdmin(viewer);

/**
 * A consortium space (the private space of a HUB partner search) is, to anyone but its active
 * members and the platform admins, as if it did not exist; every community of practice is seen.
 */
export const canSeeCommunity = (
  community: Pick<CommunityRow, "kind" | "visibility">,
  viewer: Viewer | null,
  m: Membership,
): boolean => community.kind === "PRACTICE" || canRead(community, viewer, m);

/** Archived communities are read-only: kept for reading, left off the home page. */
export const isArchived = (community: Pick<CommunityRow, "archivedAt">): boolean => community.archivedAt !== null;

/**
 * Writing content (threads, posts, reactions, proposals, documents, comments) needs an active
 * membership of a community that is not archived. The archive is part of this one rule so that
 * every module's write and every `viewerCan…` field that builds on it agree without knowing of it.
 */
export const canWrite = (a: { community: Pick<CommunityRow, "archivedAt">; membership: Membership }): boolean =>
  !isArchived(a.community) && isActiveMember(a.membership) && !isRestricted(a.membership);

/**
 * Joining: an archived community takes no new members (leaving stays possible), and a member
 * under a sanction there cannot leave and join again to shed it (the membership row keeps it).
 */
export const canJoin = (community: Pick<CommunityRow, "archivedAt">, m?: Membership): boolean =>
  !isArchived(community) && !isSuspended(m) && !isRestricted(m);

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

/** A sanction on a membership is told to that member (to know what they may still do) and to the moderators. */
export const canSeeSanction = (viewer: Viewer | null, m: Membership, target: Pick<CommunityMembershipRow, "userId">) =>
  (viewer !== null && viewer.id === target.userId) || canModerate(viewer, m);

/**
 * The refusal for a member under a sanction in this community: FORBIDDEN with the reason and
 * until when, so the web can say what is still possible (appeal, message the facilitators).
 */
export const sanctioned = (m: NonNullable<Membership>) =>
  isSuspended(m)
    ? new DomainError(
        "FORBIDDEN",
        "You are suspended from this community for now: you can appeal or write to the facilitators from your case.",
        {
          reason: "SUSPENDED",
          until: m.suspendedUntil?.toISOString(),
        },
      )
    : new DomainError(
        "FORBIDDEN",
        "You are restricted in this community for now: you can read, appeal, or write to the facilitators from your case.",
        {
          reason: "RESTRICTED",
          until: m.restrictedUntil?.toISOString(),
        },
      );
