import { randomUUID } from "node:crypto";
import {
  type CommunityRow,
  communities,
  communityMemberships,
  type Database,
  hashPassword,
  type PostRow,
  posts,
  type ResourceRow,
  resources,
  type ThreadRow,
  threads,
  type UserRow,
  users,
} from "@pratica/db";
import { eq } from "drizzle-orm";
import { SessionService } from "../modules/identity/session.service.js";

export const TEST_PASSWORD = "correct horse battery";
let passwordHash: Promise<string> | undefined;

export type TestUser = UserRow & { token: string };

/** A user with a live session; insert straight into the database, as Outline's factories do. */
export async function buildUser(db: Database, overrides: Partial<typeof users.$inferInsert> = {}): Promise<TestUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const suffix = randomUUID().slice(0, 8);
  const [user] = await db
    .insert(users)
    .values({
      email: `user-${suffix}@example.org`,
      handle: `user-${suffix}`,
      displayName: `User ${suffix}`,
      passwordHash: await passwordHash,
      // Confirmed unless a test says otherwise: unconfirmed accounts cannot write.
      emailVerifiedAt: new Date(),
      // Trusted (vouched for) unless a test says `vouchedAt: null`: a fresh account is otherwise
      // a new member, held to the new-member limits (test/trust/).
      vouchedAt: new Date(),
      ...overrides,
    })
    .returning();
  if (!user) throw new Error("user not created");
  const { token } = await new SessionService(db, 1).create(user.id, "vitest");
  return { ...user, token };
}

/** Confirms an account's address as its link would (for tests that register through the api, then write). */
export const confirmEmailOf = (db: Database, userId: string) =>
  db.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, userId));

export async function buildCommunity(
  db: Database,
  overrides: Partial<typeof communities.$inferInsert> = {},
): Promise<CommunityRow> {
  const slug = `c-${randomUUID().slice(0, 8)}`;
  const [community] = await db
    .insert(communities)
    .values({ slug, name: `Community ${slug}`, ...overrides })
    .returning();
  if (!community) throw new Error("community not created");
  return community;
}

export async function addMember(
  db: Database,
  community: CommunityRow,
  user: UserRow,
  role: "MEMBER" | "FACILITATOR" = "MEMBER",
  status: "ACTIVE" | "PENDING" = "ACTIVE",
) {
  const [m] = await db
    .insert(communityMemberships)
    .values({ communityId: community.id, userId: user.id, role, status })
    .returning();
  if (!m) throw new Error("membership not created");
  return m;
}

export async function buildThread(
  db: Database,
  community: CommunityRow,
  author: UserRow,
  overrides: Partial<typeof threads.$inferInsert> = {},
): Promise<ThreadRow> {
  const [thread] = await db
    .insert(threads)
    .values({ communityId: community.id, authorId: author.id, title: "A thread", body: "Opening words", ...overrides })
    .returning();
  if (!thread) throw new Error("thread not created");
  return thread;
}

/** A post written straight to the database (no event, no notification): for read-side tests. */
export async function buildPost(db: Database, thread: ThreadRow, author: UserRow, body = "A reply"): Promise<PostRow> {
  const [post] = await db
    .insert(posts)
    .values({ threadId: thread.id, communityId: thread.communityId, authorId: author.id, body })
    .returning();
  if (!post) throw new Error("post not created");
  return post;
}

export async function buildResource(
  db: Database,
  community: CommunityRow,
  proposer: UserRow,
  overrides: Partial<typeof resources.$inferInsert> = {},
): Promise<ResourceRow> {
  const [resource] = await db
    .insert(resources)
    .values({
      communityId: community.id,
      proposerId: proposer.id,
      title: "A useful guide",
      summary: "What it covers, in a few words.",
      kind: "GUIDE",
      language: "en",
      ...overrides,
    })
    .returning();
  if (!resource) throw new Error("resource not created");
  return resource;
}
