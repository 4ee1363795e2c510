import {
  type Executor,
  type FundingCallRow,
  fundingCalls,
  type OrganizationRow,
  organizationMembers,
  organizations,
  type PartnerInterestRow,
  type PartnerSearchRow,
  partnerInterests,
  partnerSearches,
} from "@pratica/db";
import { and, eq, inArray } from "drizzle-orm";
import { conflict, forbidden, notFound } from "../../core/errors.js";
import { isUuid } from "../../core/ids.js";
import type { Viewer } from "../../core/viewer.js";
import { actsAsPartner, representsOrg, type Standing } from "./partner-search.policy.js";

/**
 * The search row, FOR NO KEY UPDATE: its interests are child rows written under this lock (their
 * foreign key's KEY SHARE does not wait on it), so two interests, two deciders, or a decider and
 * the publisher closing the search are serialised here and the second reads what the first left.
 *
 * Taken with a plain SELECT … FOR NO KEY UPDATE rather than `Work.lock`: core/unit-of-work.ts has
 * no "partnerSearch" kind in LOCK_ORDER (the lead adds it at merge, after "membershipApplication";
 * no unit of work here holds any other lock, so the order holds).
 */
export async function lockSearch(tx: Executor, id: string): Promise<PartnerSearchRow> {
  const [row] = isUuid(id)
    ? await tx.select().from(partnerSearches).where(eq(partnerSearches.id, id)).for("no key update")
    : [];
  if (!row) throw notFound("Partner search");
  return row;
}

export async function callOf(tx: Executor, callId: string): Promise<FundingCallRow> {
  const [row] = isUuid(callId) ? await tx.select().from(fundingCalls).where(eq(fundingCalls.id, callId)) : [];
  if (!row) throw notFound("Funding call");
  return row;
}

/** The viewer's organisation memberships, read inside the unit of work (a role may have changed). */
export async function standingOf(tx: Executor, viewer: Viewer): Promise<Standing> {
  return tx
    .select({ organizationId: organizationMembers.organizationId, role: organizationMembers.role })
    .from(organizationMembers)
    .where(eq(organizationMembers.userId, viewer.id));
}

/**
 * The organisation the viewer acts for: FORBIDDEN unless they represent it (a missing one too: one
 * cannot represent what does not exist), and FORBIDDEN with its own message once it withdrew.
 */
export async function actingFor(tx: Executor, standing: Standing, organizationId: string, doing: string) {
  if (!isUuid(organizationId) || !representsOrg(standing, organizationId)) {
    throw forbidden("You do not represent this organisation.");
  }
  const [org] = await tx.select().from(organizations).where(eq(organizations.id, organizationId));
  if (!org) throw forbidden("You do not represent this organisation.");
  if (!actsAsPartner(org)) {
    throw forbidden(`This organisation withdrew from the memorandum: it can no longer ${doing}.`);
  }
  return org;
}

export async function organizationOf(tx: Executor, id: string): Promise<OrganizationRow> {
  const [org] = await tx.select().from(organizations).where(eq(organizations.id, id));
  if (!org) throw new Error(`organisation ${id} missing`);
  return org;
}

/** The ids of the organisations that expressed interest in a search (any status). */
export async function interestedOrgIds(tx: Executor, searchId: string): Promise<string[]> {
  const rows = await tx
    .select({ organizationId: partnerInterests.organizationId })
    .from(partnerInterests)
    .where(eq(partnerInterests.searchId, searchId));
  return rows.map((r) => r.organizationId);
}

/** The user ids of an organisation's representatives. */
export async function representativeIds(tx: Executor, organizationIds: readonly string[]): Promise<string[]> {
  if (!organizationIds.length) return [];
  const rows = await tx
    .select({ userId: organizationMembers.userId })
    .from(organizationMembers)
    .where(
      and(
        inArray(organizationMembers.organizationId, [...organizationIds]),
        eq(organizationMembers.role, "REPRESENTATIVE"),
      ),
    );
  return [...new Set(rows.map((r) => r.userId))];
}

/** The client's version is not the current one: CONFLICT with where the search stands now. */
export const staleSearch = (s: PartnerSearchRow) =>
  conflict(
    `Someone changed this partner search meanwhile: it is now ${s.status.toLowerCase()}, version ${s.version}.`,
    {
      status: s.status,
      version: s.version,
    },
  );

export const searchNotOpen = (s: PartnerSearchRow) =>
  conflict(`This partner search is ${s.status.toLowerCase()}: it takes no more changes nor interest.`, {
    status: s.status,
    version: s.version,
  });

export const callNotTaking = (c: FundingCallRow) =>
  conflict(
    c.archivedAt
      ? "This funding call is archived: it takes no new partner searches nor interest."
      : "This funding call is closed: it takes no new partner searches nor interest.",
    { status: c.status, archived: c.archivedAt !== null },
  );

export const staleInterest = (i: PartnerInterestRow) =>
  conflict(`Someone changed this interest meanwhile: it is now ${i.status.toLowerCase()}, version ${i.version}.`, {
    status: i.status,
    version: i.version,
  });

export const interestWrongState = (i: PartnerInterestRow, doing: string) =>
  conflict(`A ${i.status.toLowerCase()} interest cannot be ${doing}.`, { status: i.status, version: i.version });

/** The interest and its search, the search locked first (the interest is its child row), both as they are now. */
export async function lockInterest(
  tx: Executor,
  id: string,
): Promise<{ interest: PartnerInterestRow; search: PartnerSearchRow }> {
  const [found] = isUuid(id)
    ? await tx.select({ searchId: partnerInterests.searchId }).from(partnerInterests).where(eq(partnerInterests.id, id))
    : [];
  if (!found) throw notFound("Interest");
  const search = await lockSearch(tx, found.searchId);
  const [interest] = await tx.select().from(partnerInterests).where(eq(partnerInterests.id, id));
  if (!interest) throw notFound("Interest");
  return { interest, search };
}
