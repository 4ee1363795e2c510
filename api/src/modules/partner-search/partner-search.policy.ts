import type {
  FundingCallRow,
  OrganizationMemberRow,
  OrganizationRow,
  PartnerInterestRow,
  PartnerSearchRow,
} from "@pratica/db";
import type { Viewer } from "../../core/viewer.js";

/**
 * Who may see and do what with partner searches and interests: the one place these rules live
 * (docs/hub-partner-search.md). The service and the `viewerCan…` fields both call them.
 */

/** The viewer's organisation memberships (organization_members rows), as the loaders give them. */
export type Standing = readonly Pick<OrganizationMemberRow, "organizationId" | "role">[];

/** "People of O": its representatives and members. */
export const isPersonOf = (standing: Standing, organizationId: string): boolean =>
  standing.some((m) => m.organizationId === organizationId);

export const representsOrg = (standing: Standing, organizationId: string): boolean =>
  standing.some((m) => m.organizationId === organizationId && m.role === "REPRESENTATIVE");

/** A former partner (withdrew from the memorandum) keeps its history but no longer publishes nor answers. */
export const actsAsPartner = (o: Pick<OrganizationRow, "withdrawnOn">): boolean => o.withdrawnOn === null;

/** A call takes new searches and interests while it is neither closed nor archived. */
export const callTakesSearches = (c: Pick<FundingCallRow, "status" | "archivedAt">): boolean =>
  c.status !== "CLOSED" && c.archivedAt === null;

type Search = Pick<PartnerSearchRow, "organizationId" | "status">;

/**
 * A search is public while OPEN or CLOSED; a WITHDRAWN one is read only by the publisher's people
 * and the people of an organisation that expressed interest (NOT_FOUND, word for word, to others).
 */
export const canReadSearch = (standing: Standing, search: Search, interestedOrgIds: readonly string[]): boolean =>
  search.status !== "WITHDRAWN" ||
  isPersonOf(standing, search.organizationId) ||
  interestedOrgIds.some((id) => isPersonOf(standing, id));

/** The publisher's representatives edit, close and withdraw an OPEN search of a current partner. */
export const canEditSearch = (
  viewer: Viewer | null,
  standing: Standing,
  search: Search,
  publisher: Pick<OrganizationRow, "withdrawnOn">,
): boolean =>
  viewer !== null &&
  representsOrg(standing, search.organizationId) &&
  search.status === "OPEN" &&
  actsAsPartner(publisher);

/**
 * The organisations for which the viewer may express interest in this search: those they represent,
 * still partners, other than the publisher, without an interest in it yet.
 */
export const interestCandidates = (
  standing: Standing,
  search: Search,
  orgs: readonly Pick<OrganizationRow, "id" | "withdrawnOn">[],
  interestedOrgIds: readonly string[],
): string[] =>
  orgs
    .filter(
      (o) =>
        representsOrg(standing, o.id) &&
        o.id !== search.organizationId &&
        actsAsPartner(o) &&
        !interestedOrgIds.includes(o.id),
    )
    .map((o) => o.id);

/** The search takes interest while OPEN and its call takes searches. */
export const takesInterest = (search: Search, call: Pick<FundingCallRow, "status" | "archivedAt">): boolean =>
  search.status === "OPEN" && callTakesSearches(call);

/** Which interests a viewer reads: the publisher's people all, an interested organisation's people their own. */
export const canReadInterest = (
  standing: Standing,
  search: Search,
  interest: Pick<PartnerInterestRow, "organizationId">,
) => isPersonOf(standing, search.organizationId) || isPersonOf(standing, interest.organizationId);

/** The publisher's representatives confirm or decline a PENDING interest while the search is OPEN. */
export const canDecideInterest = (
  standing: Standing,
  search: Search,
  interest: Pick<PartnerInterestRow, "status">,
): boolean =>
  representsOrg(standing, search.organizationId) && search.status === "OPEN" && interest.status === "PENDING";

/** The interested organisation's representatives withdraw a PENDING or CONFIRMED interest. */
export const canWithdrawInterest = (
  standing: Standing,
  interest: Pick<PartnerInterestRow, "organizationId" | "status">,
) =>
  representsOrg(standing, interest.organizationId) &&
  (interest.status === "PENDING" || interest.status === "CONFIRMED");
