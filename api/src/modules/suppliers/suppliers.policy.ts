import type { CertificationRow, OrganizationMemberRow, OrganizationRow } from "@pratica/db";
import { forbidden, unauthenticated } from "../../core/errors.js";
import { isAdmin, type Viewer } from "../../core/viewer.js";

/** Who may see and do what in Buy Social's supplier side: the one place these rules live. */

/** The viewer's role in the organisation (null: none). */
export type Role = OrganizationMemberRow["role"] | null;

/** The organisation's people: its representatives and members. */
export const isPersonOf = (role: Role): boolean => role === "REPRESENTATIVE" || role === "MEMBER";

/** An unpublished profile and unverified certifications: the organisation's people and admins. */
export const canSeeAll = (viewer: Viewer | null, role: Role): boolean => isAdmin(viewer) || isPersonOf(role);

/** Anyone may read a verified certification; the rest as `canSeeAll`. */
export const canReadCertification = (viewer: Viewer | null, role: Role, c: Pick<CertificationRow, "verification">) =>
  c.verification === "VERIFIED" || canSeeAll(viewer, role);

/** A representative edits the profile and certifications, while the organisation is a partner. */
export const canEditSupplier = (viewer: Viewer | null, role: Role, o: Pick<OrganizationRow, "withdrawnOn">): boolean =>
  viewer !== null && role === "REPRESENTATIVE" && o.withdrawnOn === null;

/** Refuses anyone but a representative of a current partner, saying which rule refused. */
export function requireEditor(
  viewer: Viewer | null,
  role: Role,
  o: Pick<OrganizationRow, "withdrawnOn">,
): asserts viewer is Viewer {
  if (!viewer) throw unauthenticated("Log in as a representative of the organisation to do this.");
  if (role !== "REPRESENTATIVE") throw forbidden("You do not represent this organisation.");
  if (o.withdrawnOn !== null) {
    throw forbidden("This organisation withdrew from the memorandum: it can no longer publish as a supplier.");
  }
}

/** "Today" where the certifications are issued: expiry is a calendar date in Italy. */
export const todayInRome = (now: Date): string =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Rome",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);

/** Past its `validUntil` (the last valid day) in Europe/Rome. */
export const isExpired = (c: Pick<CertificationRow, "validUntil">, now: Date): boolean =>
  c.validUntil !== null && c.validUntil < todayInRome(now);

/** The art. 5 l. 381/1991 badge: a type B social cooperative, verified and not expired, may get direct conventions. */
export const isDirectConventionEligible = (
  c: Pick<CertificationRow, "kind" | "verification" | "validUntil">,
  now: Date,
): boolean => c.kind === "SOCIAL_COOP_B" && c.verification === "VERIFIED" && !isExpired(c, now);
