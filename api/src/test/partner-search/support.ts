import { randomUUID } from "node:crypto";
import {
  type Database,
  type FundingCallRow,
  fundingCalls,
  type OrganizationRow,
  organizationMembers,
  organizations,
  partnerInterests,
  partnerSearches,
} from "@pratica/db";
import { asc, eq } from "drizzle-orm";
import { expect } from "vitest";
import { errorCode, gql } from "../client.js";
import { createFundingCall } from "../factories/funding-call.js";
import { buildUser, type TestUser } from "../factories.js";

/** An OPEN call (the funding-calls helpers' factory), on the "youth-employment" theme, deadline far ahead. */
export const buildCall = (db: Database, overrides: Partial<typeof fundingCalls.$inferInsert> = {}) =>
  createFundingCall(db, { themes: ["youth-employment"], deadlineAt: new Date("2031-03-01T16:00:00Z"), ...overrides });

export async function buildOrg(db: Database, overrides: Partial<typeof organizations.$inferInsert> = {}) {
  const n = randomUUID().slice(0, 8);
  const [row] = await db
    .insert(organizations)
    .values({
      slug: `org-${n}`,
      name: `Organisation ${n}`,
      nameIt: `Organizzazione ${n}`,
      category: "THIRD_SECTOR_AND_CULTURE",
      ...overrides,
    })
    .returning();
  if (!row) throw new Error("organisation not created");
  return row;
}

export async function link(db: Database, o: OrganizationRow, u: TestUser, role: "REPRESENTATIVE" | "MEMBER") {
  await db.insert(organizationMembers).values({ organizationId: o.id, userId: u.id, role });
}

/**
 * Two partner organisations with their people (a representative, a second representative, a
 * member), a third party, an outsider, an admin and an OPEN call.
 */
export async function buildCast(db: Database) {
  const [publisher, partner, third] = await Promise.all([buildOrg(db), buildOrg(db), buildOrg(db)]);
  const [lead, lead2, colleague, rep, repColleague, thirdRep, outsider, admin] = await Promise.all([
    buildUser(db, { locale: "en" }),
    buildUser(db),
    buildUser(db),
    buildUser(db),
    buildUser(db),
    buildUser(db),
    buildUser(db),
    buildUser(db, { role: "ADMIN" }),
  ]);
  await link(db, publisher, lead, "REPRESENTATIVE");
  await link(db, publisher, lead2, "REPRESENTATIVE");
  await link(db, publisher, colleague, "MEMBER");
  await link(db, partner, rep, "REPRESENTATIVE");
  await link(db, partner, repColleague, "MEMBER");
  await link(db, third, thirdRep, "REPRESENTATIVE");
  const call = await buildCall(db);
  return { publisher, partner, third, lead, lead2, colleague, rep, repColleague, thirdRep, outsider, admin, call };
}
export type Cast = Awaited<ReturnType<typeof buildCast>>;

export const request =
  (url: () => string) =>
  (user: TestUser | undefined, query: string, variables = {}) =>
    gql(url(), query, variables, { token: user?.token });

export const SEARCH = "id kind role expertise countries description status version interestCount";
export const INTEREST = "id role message status version decidedAt";

export const PUBLISH = `mutation($i: PublishPartnerSearchInput!) { publishPartnerSearch(input: $i) { ${SEARCH} } }`;
export const UPDATE = `mutation($i: UpdatePartnerSearchInput!) { updatePartnerSearch(input: $i) { ${SEARCH} } }`;
export const CLOSE = `mutation($id: ID!, $v: Int!) { closePartnerSearch(id: $id, version: $v) { ${SEARCH} } }`;
export const WITHDRAW = `mutation($id: ID!, $v: Int!) { withdrawPartnerSearch(id: $id, version: $v) { ${SEARCH} } }`;
export const EXPRESS = `mutation($i: ExpressInterestInput!) { expressInterest(input: $i) { ${INTEREST} } }`;
export const WITHDRAW_INTEREST = `mutation($id: ID!, $v: Int!) { withdrawInterest(id: $id, version: $v) { ${INTEREST} } }`;
export const DECIDE = `mutation($i: DecideInterestInput!) { decideInterest(input: $i) { ${INTEREST} } }`;
export const READ = `query($id: ID!) { partnerSearch(id: $id) { ${SEARCH}
  interests { id status organization { id } } viewerInterest { id }
  viewerCanEdit viewerCanExpressInterest viewerCanDecide
  space { community { id slug } thread { id } proposal { id } } } }`;

export const publishInput = (cast: Cast, more: Record<string, unknown> = {}) => ({
  organizationId: cast.publisher.id,
  callId: cast.call.id,
  kind: "SEEKING",
  role: "PARTNER",
  expertise: "Youth work with NEET in urban areas",
  countries: ["ES", "DE"],
  description: "We lead; we look for two partners.",
  ...more,
});

/** A search straight in the database, by the cast's lead for the publisher. */
export async function buildSearch(
  db: Database,
  cast: Cast,
  overrides: Partial<typeof partnerSearches.$inferInsert> = {},
) {
  const [row] = await db
    .insert(partnerSearches)
    .values({
      callId: cast.call.id,
      organizationId: cast.publisher.id,
      authorId: cast.lead.id,
      kind: "SEEKING",
      role: "PARTNER",
      expertise: "Youth work",
      countries: ["ES"],
      ...overrides,
    })
    .returning();
  if (!row) throw new Error("search not created");
  return row;
}

/** What a refused write must leave as it was: the searches and interests of the call. */
export async function snapshot(db: Database, call: Pick<FundingCallRow, "id">) {
  const searches = await db
    .select()
    .from(partnerSearches)
    .where(eq(partnerSearches.callId, call.id))
    .orderBy(asc(partnerSearches.id));
  const interests = await db.select().from(partnerInterests).orderBy(asc(partnerInterests.id));
  return { searches, interests: interests.filter((i) => searches.some((s) => s.id === i.searchId)) };
}

export async function refused(
  db: Database,
  call: Pick<FundingCallRow, "id">,
  send: () => Promise<{ errors?: readonly { message: string; extensions?: Record<string, unknown> }[] | undefined }>,
  code: string,
) {
  const before = await snapshot(db, call);
  const res = await send();
  expect(errorCode(res as never)).toBe(code);
  expect(await snapshot(db, call)).toEqual(before);
  return res;
}
