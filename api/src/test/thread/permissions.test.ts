import { type CommunityRow, posts, reactions, threads } from "@pratica/db";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode, type GqlResult, gql } from "../client.js";
import { addMember, buildCommunity, buildPost, buildThread, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";

/**
 * Every thread operation × every kind of viewer, on a PUBLIC and on a MEMBERS community.
 * "ok" means the operation succeeded; otherwise the error code. Refused writes must change nothing.
 */
type Role = "anonymous" | "nonMember" | "pending" | "member" | "facilitator" | "admin";
type Outcome = "ok" | "UNAUTHENTICATED" | "FORBIDDEN";
const ROLES: Role[] = ["anonymous", "nonMember", "pending", "member", "facilitator", "admin"];
const U = "UNAUTHENTICATED";
const F = "FORBIDDEN";

//                            anonymous nonMember pending member facilitator admin
const writers: Outcome[] = [U, F, F, "ok", "ok", F];
const moderators: Outcome[] = [U, F, F, F, "ok", "ok"];
const EXPECTED: Record<"PUBLIC" | "MEMBERS", Record<string, Outcome[]>> = {
  PUBLIC: {
    readThread: ["ok", "ok", "ok", "ok", "ok", "ok"],
    createThread: writers,
    addPost: writers,
    editOthersPost: [U, F, F, F, F, F],
    deleteOthersPost: moderators,
    toggleReaction: writers,
    pin: moderators,
    lock: moderators,
    markRead: [U, "ok", "ok", "ok", "ok", "ok"],
    sendTyping: writers,
  },
  MEMBERS: {
    readThread: [U, F, F, "ok", "ok", "ok"],
    createThread: writers,
    addPost: writers,
    editOthersPost: [U, F, F, F, F, F],
    deleteOthersPost: moderators,
    toggleReaction: writers,
    pin: moderators,
    lock: moderators,
    markRead: [U, F, F, "ok", "ok", "ok"],
    sendTyping: writers,
  },
};

const server = useTestServer();

type Cast = { community: CommunityRow; author: TestUser; tokens: Record<Role, string | undefined> };

async function cast(visibility: "PUBLIC" | "MEMBERS"): Promise<Cast> {
  const community = await buildCommunity(server.db, { visibility });
  const [author, nonMember, pending, member, facilitator] = await Promise.all(
    [1, 2, 3, 4, 5].map(() => buildUser(server.db)),
  );
  const admin = await buildUser(server.db, { role: "ADMIN" });
  await addMember(server.db, community, author as TestUser);
  await addMember(server.db, community, pending as TestUser, "MEMBER", "PENDING");
  await addMember(server.db, community, member as TestUser);
  await addMember(server.db, community, facilitator as TestUser, "FACILITATOR");
  return {
    community,
    author: author as TestUser,
    tokens: {
      anonymous: undefined,
      nonMember: nonMember?.token,
      pending: pending?.token,
      member: member?.token,
      facilitator: facilitator?.token,
      admin: admin.token,
    },
  };
}

const count = async (table: typeof posts | typeof threads | typeof reactions) =>
  (await server.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;

/** Runs one operation as one role on fresh data; returns the outcome and whether the data changed. */
const OPERATIONS: Record<
  string,
  (c: Cast, token: string | undefined) => Promise<{ outcome: Outcome; unchanged: () => Promise<boolean> }>
> = {
  async readThread(c, token) {
    const thread = await buildThread(server.db, c.community, c.author);
    const res = await gql(
      server.url,
      `query($id: ID!) { thread(id: $id) { id posts { totalCount } } }`,
      { id: thread.id },
      { token },
    );
    return { outcome: outcomeOf(res), unchanged: async () => true };
  },
  async createThread(c, token) {
    const before = await count(threads);
    const res = await gql(
      server.url,
      `mutation($i: CreateThreadInput!) { createThread(input: $i) { id } }`,
      { i: { communityId: c.community.id, title: "Hello all", body: "First words", tags: ["intro"] } },
      { token },
    );
    return { outcome: outcomeOf(res), unchanged: async () => (await count(threads)) === before };
  },
  async addPost(c, token) {
    const thread = await buildThread(server.db, c.community, c.author);
    const before = await count(posts);
    const res = await gql(
      server.url,
      `mutation($i: AddPostInput!) { addPost(input: $i) { id } }`,
      { i: { threadId: thread.id, body: "Me too" } },
      { token },
    );
    return { outcome: outcomeOf(res), unchanged: async () => (await count(posts)) === before };
  },
  async editOthersPost(c, token) {
    const post = await buildPost(server.db, await buildThread(server.db, c.community, c.author), c.author, "original");
    const res = await gql(
      server.url,
      `mutation($i: EditPostInput!) { editPost(input: $i) { id } }`,
      { i: { postId: post.id, body: "hijacked" } },
      { token },
    );
    return { outcome: outcomeOf(res), unchanged: async () => (await postById(post.id))?.body === "original" };
  },
  async deleteOthersPost(c, token) {
    const post = await buildPost(server.db, await buildThread(server.db, c.community, c.author), c.author);
    const res = await gql(
      server.url,
      `mutation($id: ID!, $reason: String) { deletePost(postId: $id, reason: $reason) { id deleted } }`,
      // A moderator deleting another's post gives a reason (the author's own deletion ignores it).
      { id: post.id, reason: "Off topic" },
      { token },
    );
    return { outcome: outcomeOf(res), unchanged: async () => (await postById(post.id))?.deletedAt === null };
  },
  async toggleReaction(c, token) {
    const post = await buildPost(server.db, await buildThread(server.db, c.community, c.author), c.author);
    const before = await count(reactions);
    const res = await gql(
      server.url,
      `mutation($i: ToggleReactionInput!) { toggleReaction(input: $i) { id } }`,
      { i: { postId: post.id, kind: "LIKE" } },
      { token },
    );
    return { outcome: outcomeOf(res), unchanged: async () => (await count(reactions)) === before };
  },
  async pin(c, token) {
    const thread = await buildThread(server.db, c.community, c.author);
    const res = await gql(
      server.url,
      `mutation($id: ID!) { setThreadPinned(threadId: $id, pinned: true) { pinned } }`,
      { id: thread.id },
      { token },
    );
    return { outcome: outcomeOf(res), unchanged: async () => (await threadById(thread.id))?.pinned === false };
  },
  async lock(c, token) {
    const thread = await buildThread(server.db, c.community, c.author);
    const res = await gql(
      server.url,
      `mutation($id: ID!) { setThreadLocked(threadId: $id, locked: true) { locked } }`,
      { id: thread.id },
      { token },
    );
    return { outcome: outcomeOf(res), unchanged: async () => (await threadById(thread.id))?.locked === false };
  },
  async markRead(c, token) {
    const thread = await buildThread(server.db, c.community, c.author);
    const res = await gql(
      server.url,
      `mutation($id: ID!) { markThreadRead(threadId: $id) { id } }`,
      { id: thread.id },
      { token },
    );
    return { outcome: outcomeOf(res), unchanged: async () => true };
  },
  async sendTyping(c, token) {
    const thread = await buildThread(server.db, c.community, c.author);
    const res = await gql(server.url, `mutation($id: ID!) { sendTyping(threadId: $id) }`, { id: thread.id }, { token });
    return { outcome: outcomeOf(res), unchanged: async () => true };
  },
};

function outcomeOf(res: GqlResult): Outcome {
  return res.errors ? (errorCode(res) as Outcome) : "ok";
}
const postById = async (id: string) => (await server.db.select().from(posts).where(eq(posts.id, id)))[0];
const threadById = async (id: string) => (await server.db.select().from(threads).where(eq(threads.id, id)))[0];

for (const visibility of ["PUBLIC", "MEMBERS"] as const) {
  describe(`permission matrix, ${visibility} community`, () => {
    let c: Cast;
    beforeAll(async () => {
      c = await cast(visibility);
    });
    for (const [operation, expected] of Object.entries(EXPECTED[visibility])) {
      it(`${operation}: ${ROLES.map((r, i) => `${r} ${expected[i]}`).join(", ")}`, async () => {
        const run = OPERATIONS[operation];
        if (!run) throw new Error(`no operation ${operation}`);
        const actual: Outcome[] = [];
        for (const role of ROLES) {
          const { outcome, unchanged } = await run(c, c.tokens[role]);
          actual.push(outcome);
          if (outcome !== "ok") expect(await unchanged(), `${operation} as ${role} changed data`).toBe(true);
        }
        expect(actual).toEqual(expected);
      });
    }
  });
}
