import type { OrganizationMemberRow, OrganizationRow } from "@pratica/db";
import { forbidden, unauthenticated } from "../../core/errors.js";
import { isAdmin, type Viewer } from "../../core/viewer.js";

/** Who may see and do what in the partner directory: the one place these rules live. */

type Role = Pick<OrganizationMemberRow, "role"> | null | undefined;
type Standing = Pick<OrganizationRow, "withdrawnOn">;

/** A former partner withdrew from the memorandum: kept in history, no longer acting as a partner. */
export const isFormerPartner = (o: Standing): boolean => o.withdrawnOn !== null;

export const isRepresentative = (role: Role): boolean => role?.role === "REPRESENTATIVE";

/**
 * Representatives' names are for the ecosystem's members, not the public: a signed-in account
 * that is an active member of a community or belongs to an organisation, or an admin.
 */
export const canSeeRepresentatives = (viewer: Viewer | null, isEcosystemMember: boolean): boolean =>
  viewer !== null && (isEcosystemMember || isAdmin(viewer));

/** A representative or an admin withdraws the organisation, while it is a partner. */
export const canWithdraw = (viewer: Viewer | null, role: Role, o: Standing): boolean =>
  viewer !== null && (isRepresentative(role) || isAdmin(viewer)) && !isFormerPartner(o);

/** A representative (or an admin) invites colleagues as members, while it is a partner. */
export const canInviteMembers = (viewer: Viewer | null, role: Role, o: Standing): boolean =>
  viewer !== null && (isRepresentative(role) || isAdmin(viewer)) && !isFormerPartner(o);

/** Refuses anyone but a representative or an admin: UNAUTHENTICATED when anonymous, FORBIDDEN otherwise. */
export function requireRepresentativeOrAdmin(viewer: Viewer | null, role: Role): asserts viewer is Viewer {
  if (!viewer) throw unauthenticated("Log in as a representative of the organisation to do this.");
  if (!isRepresentative(role) && !isAdmin(viewer)) {
    throw forbidden("Only a representative of the organisation or a platform admin can do this.");
  }
}
