import {
  amendments,
  appeals,
  auditLog,
  type CommunityRow,
  caseMessages,
  caseTransitions,
  type Database,
  deliverableComments,
  deliverables,
  moderationCases,
  moderationReports,
  notifications,
  posts,
  sanctions,
  sections,
} from "@pratica/db";
import { eq, sql } from "drizzle-orm";
import { gql } from "../client.js";
import { addMember, buildCommunity, buildPost, buildThread, buildUser, type TestUser } from "../factories.js";

export const REPORT = `mutation($i: ReportContentInput!) { reportContent(input: $i) { id reason note createdAt } }`;
export const DECIDE = `mutation($i: DecideCaseInput!) { decideCase(input: $i) { id state } }`;
export const APPEAL = `mutation($i: AppealInput!) { appealAction(input: $i) { id state statement } }`;
export const DECIDE_APPEAL = `mutation($i: DecideAppealInput!) { decideAppeal(input: $i) { id state } }`;
export const MESSAGE = `mutation($i: CaseMessageInput!) { sendCaseMessage(input: $i) { id body } }`;
export const THRESHOLD = `mutation($c: ID!, $t: Float) { setAutoHideThreshold(communityId: $c, threshold: $t) { id } }`;

/** The cast of a moderation test: one community, its people, and a second community's facilitator. */
export type Cast = {
  community: CommunityRow;
  author: TestUser;
  reporter: TestUser;
  member: TestUser;
  facilitator: TestUser;
  facilitator2: TestUser;
  otherFacilitator: TestUser;
  admin: TestUser;
};

export async function buildCast(db: Database, threshold: number | null = null): Promise<Cast> {
  const community = await buildCommunity(db, { autoHideThreshold: threshold });
  const other = await buildCommunity(db);
  const [author, reporter, member, facilitator, facilitator2, otherFacilitator] = await Promise.all(
    Array.from({ length: 6 }, () => buildUser(db)),
  );
  const admin = await buildUser(db, { role: "ADMIN" });
  if (!author || !reporter || !member || !facilitator || !facilitator2 || !otherFacilitator)
    throw new Error("cast not built");
  await addMember(db, community, author);
  await addMember(db, community, reporter);
  await addMember(db, community, member);
  await addMember(db, community, facilitator, "FACILITATOR");
  await addMember(db, community, facilitator2, "FACILITATOR");
  await addMember(db, other, otherFacilitator, "FACILITATOR");
  return { community, author, reporter, member, facilitator, facilitator2, otherFacilitator, admin };
}

/** A post by the cast's author, in a thread of the community. */
export async function buildReportedPost(db: Database, cast: Cast, body = "Buy cheap watches at spam.example") {
  const thread = await buildThread(db, cast.community, cast.facilitator);
  return buildPost(db, thread, cast.author, body);
}

/** A document with a section, an amendment and a comment by `author`, published so members read it. */
export async function buildDocumentContent(db: Database, community: CommunityRow, author: TestUser) {
  const [deliverable] = await db
    .insert(deliverables)
    .values({ communityId: community.id, creatorId: author.id, title: "A manifesto", status: "PUBLISHED" })
    .returning();
  if (!deliverable) throw new Error("no deliverable");
  const [section] = await db
    .insert(sections)
    .values({ deliverableId: deliverable.id, communityId: community.id, position: 1, heading: "Intro", body: "Words" })
    .returning();
  if (!section) throw new Error("no section");
  const [amendment] = await db
    .insert(amendments)
    .values({
      sectionId: section.id,
      deliverableId: deliverable.id,
      communityId: community.id,
      proposerId: author.id,
      body: "Other words",
      rationale: "Why not",
      baseVersion: 1,
    })
    .returning();
  const [comment] = await db
    .insert(deliverableComments)
    .values({
      deliverableId: deliverable.id,
      communityId: community.id,
      sectionId: section.id,
      authorId: author.id,
      body: "A comment",
    })
    .returning();
  if (!amendment || !comment) throw new Error("no amendment or comment");
  return { deliverable, section, amendment, comment };
}

/** Reports a post and answers the case's id. */
export async function reportPost(
  server: { url: string; db: Database },
  postId: string,
  by: TestUser,
  reason = "SPAM",
): Promise<string> {
  const res = await gql(server.url, REPORT, { i: { postId, reason } }, { token: by.token });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  const [row] = await server.db
    .select()
    .from(moderationReports)
    .where(eq(moderationReports.id, res.data?.reportContent.id));
  if (!row) throw new Error("report not found");
  return row.caseId;
}

export const caseRow = async (db: Database, id: string) => {
  const [row] = await db.select().from(moderationCases).where(eq(moderationCases.id, id));
  if (!row) throw new Error("case not found");
  return row;
};

export const postRow = async (db: Database, id: string) => {
  const [row] = await db.select().from(posts).where(eq(posts.id, id));
  if (!row) throw new Error("post not found");
  return row;
};

/**
 * Everything a moderation write may change, counted and summed: a refused write must leave it
 * exactly as it was.
 */
export async function snapshot(db: Database) {
  const count = async (table: Parameters<ReturnType<Database["select"]>["from"]>[0]) =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;
  const cases = await db
    .select({ id: moderationCases.id, state: moderationCases.state, weight: moderationCases.weight })
    .from(moderationCases)
    .orderBy(moderationCases.id);
  const hidden = await db.execute(
    sql`select (select count(*) from posts where hidden_at is not null)::int + (select count(*) from threads where hidden_at is not null)::int + (select count(*) from users where hidden_at is not null)::int as n`,
  );
  const mirrors = await db.execute(
    sql`select (select count(*) from community_memberships where suspended_until is not null or restricted_until is not null)::int + (select count(*) from users where suspended_until is not null or restricted_until is not null)::int as n`,
  );
  return {
    cases,
    reports: await count(moderationReports),
    resolved: await db.execute(sql`select count(*)::int as n from moderation_reports where resolved_at is not null`),
    transitions: await count(caseTransitions),
    sanctions: await count(sanctions),
    appeals: await count(appeals),
    messages: await count(caseMessages),
    audit: await count(auditLog),
    notifications: await count(notifications),
    hidden,
    mirrors,
    sessions: await db.execute(sql`select count(*)::int as n from sessions where revoked_at is not null`),
  };
}
