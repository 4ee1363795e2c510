import type { CommunityMembershipRow, CommunityRow } from "@pratica/db";
import { isAdmin, type Viewer } from "../../core/viewer.js";

/** Who may do what in a community: the one place these rules live. */
type Membership = Pick<CommunityMembershipRow, "role" | "status"> | null | undefined;

export const isActiveMember = (m: Membership): boolean => m?.status === "ACTIVE";

export const isFacilitator = (m: Membership): boolean => m?.status === "ACTIVE" && m.role === "FACILITATOR";

/** PUBLIC: anyone reads. MEMBERS: active members and admins only. */
export const canRead = (community: Pick<CommunityRow, "visibility">, viewer: Viewer | null, m: Membership): boolean =>
  community.visibility === "PUBLIC" || isActiveMember(m) || isAdmin(viewer);

/** Writing content (threads, posts, proposals) needs an active membership. */
export const canWrite = (m: Membership): boolean => isActiveMember(m);

/** Deciding on members and moderating: the community's facilitators and platform admins. */
export const canModerate = (viewer: Viewer | null, m: Membership): boolean => isFacilitator(m) || isAdmin(viewer);

/**
 * A community keeps at least one facilitator: the last one can neither leave, nor be removed or
 * stepped down. `facilitators` is the active facilitator count read under the community lock.
 */
export const takesLastFacilitator = (m: Membership, facilitators: number): boolean =>
  isFacilitator(m) && facilitators <= 1;
