import { randomUUID } from "node:crypto";
import {
  applicationTransitions,
  type CommunityRow,
  type Database,
  type MembershipApplicationRow,
  membershipApplications,
} from "@pratica/db";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { tableState } from "../admin/support.js";
import { errorCode, type GqlResult, gql } from "../client.js";
import { addMember, buildCommunity, buildUser, type TestUser } from "../factories.js";

export type ApplicationStatus = MembershipApplicationRow["status"];

/** Every field of an application, for the queries that must show what is stored. */
export const APPLICATION_FIELDS = `id status nameEn nameIt name category descriptionEn descriptionIt website address
  district latitude longitude themes { key name } sdgs { number name } communities { id } motivation contactName
  contactEmail contactPhone representativeName representativeEmail applicant { id } organization { id slug }
  signedOn decisionMessage version createdAt updatedAt decidedAt viewerCanDecide viewerCanEdit viewerCanWithdraw
  history { fromStatus toStatus message actor { id } }`;

export const APPLY = `mutation($i: MembershipApplicationInput!) { applyForMembership(input: $i) { ${APPLICATION_FIELDS} } }`;
export const UPDATE = `mutation($i: UpdateApplicationInput!) { updateApplication(input: $i) { id status version decisionMessage } }`;
export const WITHDRAW = `mutation($i: WithdrawApplicationInput!) { withdrawApplication(input: $i) { id status version } }`;
export const DECIDE = `mutation($i: DecideApplicationInput!) { decideApplication(input: $i) { id status version signedOn decisionMessage organization { id slug name memorandumSignedOn } } }`;
export const ONE = `query($id: ID!) { membershipApplication(id: $id) { ${APPLICATION_FIELDS} } }`;
export const LIST = `query($first: Int, $after: String, $status: ApplicationStatus) { membershipApplications(first: $first, after: $after, status: $status) { totalCount pageInfo { hasNextPage endCursor } edges { node { id status nameEn } } } }`;
export const MINE = `{ myMembershipApplications { id status nameEn } }`;

/** The tables an application's steps write: a refusal leaves them as they were. */
export const WRITTEN = [
  "membership_applications",
  "application_transitions",
  "notifications",
  "organizations",
  "organization_members",
  "account_tokens",
];

/** A valid application, with a name nobody else uses; `over` replaces fields. */
export function applicationInput(over: Record<string, unknown> = {}): Record<string, unknown> {
  const tag = randomUUID().slice(0, 8);
  return {
    nameEn: `Cooperative ${tag}`,
    nameIt: `Cooperativa ${tag}`,
    category: "THIRD_SECTOR_AND_CULTURE",
    descriptionEn: "A social cooperative running repair workshops in Barriera di Milano.",
    descriptionIt: "Una cooperativa sociale che gestisce laboratori di riparazione a Barriera di Milano.",
    website: "https://coop.example.org",
    address: "Via Baltea 3, Torino",
    district: "Circoscrizione 6",
    latitude: 45.0869,
    longitude: 7.6956,
    themes: ["circular-economy", "social-inclusion"],
    sdgs: [12, 8],
    communityIds: [],
    motivation: "We want to share what we learnt about repair cafés with the other partners.",
    contactName: "Anna Bianchi",
    contactEmail: `anna.${tag}@coop.example.org`,
    contactPhone: "+39 011 123 4567",
    representativeName: "Marco Verdi",
    representativeEmail: `marco.${tag}@coop.example.org`,
    ...over,
  };
}

/** Who takes part: an admin, the applicant, another confirmed member, a facilitator, an unconfirmed account. */
export type Cast = {
  admin: TestUser;
  applicant: TestUser;
  member: TestUser;
  facilitator: TestUser;
  unconfirmed: TestUser;
  community: CommunityRow;
};

export async function buildCast(db: Database): Promise<Cast> {
  const community = await buildCommunity(db);
  const [admin, applicant, member, facilitator, unconfirmed] = await Promise.all([
    buildUser(db, { role: "ADMIN" }),
    buildUser(db, { locale: "en" }),
    buildUser(db),
    buildUser(db),
    buildUser(db, { emailVerifiedAt: null }),
  ]);
  await addMember(db, community, applicant);
  await addMember(db, community, member);
  await addMember(db, community, facilitator, "FACILITATOR");
  return { admin, applicant, member, facilitator, unconfirmed, community };
}

/** An application by `applicant` through the api (so its history and notifications are real). */
export async function submitted(
  url: string,
  applicant: TestUser,
  over: Record<string, unknown> = {},
): Promise<{ id: string; version: number; input: Record<string, unknown> }> {
  const input = applicationInput(over);
  const res = await gql(url, APPLY, { i: input }, { token: applicant.token });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return { id: res.data?.applyForMembership.id, version: res.data?.applyForMembership.version, input };
}

/** An application put straight into `status` (with a history row for it), for the matrices. */
export async function applicationIn(
  db: Database,
  applicant: TestUser,
  status: ApplicationStatus,
): Promise<MembershipApplicationRow> {
  const tag = randomUUID().slice(0, 8);
  const [row] = await db
    .insert(membershipApplications)
    .values({
      applicantId: applicant.id,
      status,
      name: `Matrix ${tag}`,
      nameIt: `Matrice ${tag}`,
      category: "PRIVATE_SECTOR",
      description: "An application put straight into a state.",
      motivation: "We want to take part in the communities of practice.",
      contactName: "Contact",
      contactEmail: `contact.${tag}@example.org`,
      representativeName: "Representative",
      representativeEmail: `rep.${tag}@example.org`,
    })
    .returning();
  if (!row) throw new Error("application not created");
  await db.insert(applicationTransitions).values({ applicationId: row.id, toStatus: status, actorId: applicant.id });
  return row;
}

export const applicationRow = async (db: Database, id: string) =>
  (await db.select().from(membershipApplications).where(eq(membershipApplications.id, id)))[0];

/**
 * Runs a request that must be refused with `code` (and `field` when given), and checks that the
 * tables an application's steps write, and the audit log, are exactly as before.
 */
export async function refused(
  db: Database,
  request: () => Promise<GqlResult>,
  code: string,
  field?: string,
): Promise<GqlResult> {
  const tables = [...WRITTEN, "audit_log"];
  const before = await Promise.all(tables.map((t) => tableState(db, t)));
  const res = await request();
  expect(errorCode(res), JSON.stringify(res.errors)).toBe(code);
  if (field) expect(res.errors?.[0]?.extensions?.field, JSON.stringify(res.errors)).toBe(field);
  const after = await Promise.all(tables.map((t) => tableState(db, t)));
  expect(after).toEqual(before);
  return res;
}

/** A GraphQL request as `user` (anonymous when undefined), in a language. */
export const as =
  (url: () => string) =>
  (user: { token: string } | undefined, query: string, variables: Record<string, unknown> = {}, language?: string) =>
    gql(url(), query, variables, { token: user?.token, headers: language ? { "accept-language": language } : {} });
