import {
  accountTokens,
  communityMemberships,
  deliverableEditors,
  endorsements,
  notifications,
  organizationMembers,
  postRevisions,
  posts,
  sessions,
  threads,
  users,
  watches,
} from "@pratica/db";
import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ACCOUNT_LIMITS } from "../../modules/account/account.guard.js";
import { SESSION_ENDED_CLOSE_CODE } from "../../server/ws-sessions.js";
import { errorCode, gql } from "../client.js";
import { addMember, buildCommunity, buildUser, TEST_PASSWORD, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { collect } from "../live.js";
import { closeWatch, connected } from "../server/ws-fixtures.js";
import { type Cast, memberWhoDidEverything } from "./cast.js";

const DELETE = `mutation($i: DeleteAccountInput!) { deleteAccount(input: $i) }`;
const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { token } }`;
const VIEWER = `query { viewer { id } }`;
const POSTS = `query($t: ID!) { thread(id: $t) { body posts { edges { node { id body deleted author { id displayName handle deleted } } } } } }`;

const server = useTestServer();

const deleteAccount = (user: TestUser, password = TEST_PASSWORD, eraseContent = false) =>
  gql(server.url, DELETE, { i: { password, eraseContent } }, { token: user.token });

/** What a refusal must leave as it was: the account's row, its sessions, memberships and data. */
async function snapshot(user: TestUser) {
  const db = server.db;
  const [row] = await db.select().from(users).where(eq(users.id, user.id));
  const count = async (rows: Promise<unknown[]>) => (await rows).length;
  return {
    row,
    liveSessions: await count(
      db
        .select()
        .from(sessions)
        .where(and(eq(sessions.userId, user.id), isNull(sessions.revokedAt))),
    ),
    memberships: await count(db.select().from(communityMemberships).where(eq(communityMemberships.userId, user.id))),
    organizations: await count(db.select().from(organizationMembers).where(eq(organizationMembers.userId, user.id))),
    notifications: await count(db.select().from(notifications).where(eq(notifications.userId, user.id))),
    watches: await count(db.select().from(watches).where(eq(watches.userId, user.id))),
    editors: await count(db.select().from(deliverableEditors)),
    livePosts: await count(
      db
        .select()
        .from(posts)
        .where(and(eq(posts.authorId, user.id), isNull(posts.deletedAt))),
    ),
  };
}

async function expectRefusal(user: TestUser, code: string, attempt: () => ReturnType<typeof deleteAccount>) {
  const before = await snapshot(user);
  const res = await attempt();
  expect(errorCode(res)).toBe(code);
  expect(await snapshot(user)).toEqual(before);
  return res;
}

describe("deleteAccount: refusals change nothing", () => {
  it("requires login", async () => {
    const { member } = await memberWhoDidEverything(server.db);
    await expectRefusal(member, "UNAUTHENTICATED", () =>
      gql(server.url, DELETE, { i: { password: TEST_PASSWORD, eraseContent: true } }),
    );
  });

  it("refuses a wrong password with BAD_USER_INPUT on password", async () => {
    const { member } = await memberWhoDidEverything(server.db);
    const res = await expectRefusal(member, "BAD_USER_INPUT", () => deleteAccount(member, "not my password", true));
    expect(res.errors?.[0]?.extensions?.field).toBe("password");
  });

  it("refuses an empty password with BAD_USER_INPUT on password", async () => {
    const { member } = await memberWhoDidEverything(server.db);
    const res = await expectRefusal(member, "BAD_USER_INPUT", () => deleteAccount(member, ""));
    expect(res.errors?.[0]?.extensions?.field).toBe("password");
  });

  it("stops guessing: after a few wrong passwords even the right one is RATE_LIMITED for a while", async () => {
    const user = await buildUser(server.db);
    for (let i = 0; i < ACCOUNT_LIMITS.deletePasswordFailures.points; i++) await deleteAccount(user, `wrong ${i}`);
    await expectRefusal(user, "RATE_LIMITED", () => deleteAccount(user));
  });

  it("refuses the last facilitator of a community with CONFLICT naming it", async () => {
    const community = await buildCommunity(server.db, { name: "Only Me Facilitates" });
    const facilitator = await buildUser(server.db);
    await addMember(server.db, community, facilitator, "FACILITATOR");
    const res = await expectRefusal(facilitator, "CONFLICT", () => deleteAccount(facilitator));
    expect(res.errors?.[0]?.message).toContain("Only Me Facilitates");
    expect(res.errors?.[0]?.extensions?.current).toEqual({
      communities: [{ id: community.id, slug: community.slug, name: community.name }],
    });
  });

  it("refuses the last platform admin with CONFLICT; with a second admin it goes through", async () => {
    await server.db.update(users).set({ role: "USER" }).where(eq(users.role, "ADMIN"));
    const admin = await buildUser(server.db, { role: "ADMIN" });
    await expectRefusal(admin, "CONFLICT", () => deleteAccount(admin));
    await buildUser(server.db, { role: "ADMIN" });
    expect((await deleteAccount(admin)).data?.deleteAccount).toBe(true);
  });

  it("refuses the sole editor of a document whose community has no other facilitator, naming the document", async () => {
    const cast = await memberWhoDidEverything(server.db);
    await server.db
      .delete(communityMemberships)
      .where(
        and(
          eq(communityMemberships.userId, cast.facilitator.id),
          eq(communityMemberships.communityId, cast.community.id),
        ),
      );
    const res = await expectRefusal(cast.member, "CONFLICT", () => deleteAccount(cast.member));
    expect(res.errors?.[0]?.message).toContain("My manifesto");
    expect(res.errors?.[0]?.extensions?.current).toEqual({
      deliverables: [{ id: cast.deliverable.id, title: "My manifesto" }],
    });
  });
});

describe("deleteAccount", () => {
  async function deleted(eraseContent: boolean): Promise<Cast> {
    const cast = await memberWhoDidEverything(server.db);
    const res = await deleteAccount(cast.member, TEST_PASSWORD, eraseContent);
    expect(res.errors).toBeUndefined();
    expect(res.data?.deleteAccount).toBe(true);
    return cast;
  }

  it("erases the personal data and keeps the row as a former member", async () => {
    const cast = await deleted(false);
    const [row] = await server.db.select().from(users).where(eq(users.id, cast.member.id));
    expect(row?.email).not.toBe(cast.member.email);
    expect(row?.email).toMatch(/@deleted\.invalid$/);
    expect(row?.handle).not.toBe(cast.member.handle);
    expect(row?.displayName).toBe("Former member");
    expect(row?.bio).toBeNull();
    expect(row?.deletedAt).toBeInstanceOf(Date);
    expect(await snapshot(cast.member)).toMatchObject({
      liveSessions: 0,
      memberships: 0,
      organizations: 0,
      notifications: 0,
      watches: 0,
    });
    const tokens = await server.db.select().from(accountTokens).where(eq(accountTokens.userId, cast.member.id));
    expect(tokens).toEqual([]);
  });

  it("ends the account's sessions: the old password logs nobody in, the token is refused, the open socket closes", async () => {
    const cast = await memberWhoDidEverything(server.db);
    const socket = server.socketFor(cast.member);
    const watch = closeWatch(socket);
    const ready = connected(socket);
    // A lazy client connects with its first operation.
    socket.subscribe({ query: "subscription { notificationAdded { id } }" }, { next() {}, error() {}, complete() {} });
    await ready;
    expect((await deleteAccount(cast.member)).data?.deleteAccount).toBe(true);
    expect(await watch.closed).toBe(SESSION_ENDED_CLOSE_CODE);
    const login = await gql(server.url, LOGIN, { i: { email: cast.member.email, password: TEST_PASSWORD } });
    expect(errorCode(login)).toBe("UNAUTHENTICATED");
    expect(errorCode(await gql(server.url, VIEWER, {}, { token: cast.member.token }))).toBe("UNAUTHENTICATED");
    // A second deletion with the same (now revoked) session changes nothing either.
    expect(errorCode(await deleteAccount(cast.member))).toBe("UNAUTHENTICATED");
  });

  it("keeps what they wrote, shown as by a former member in the reader's language", async () => {
    const cast = await deleted(false);
    const res = await gql(
      server.url,
      POSTS,
      { t: cast.thread.id },
      { token: cast.other.token, headers: { "accept-language": "en" } },
    );
    expect(res.data?.thread.body).toBe("My opening words");
    const mine = res.data?.thread.posts.edges.find((e: { node: { id: string } }) => e.node.id === cast.post.id).node;
    expect(mine).toMatchObject({
      body: "My reply, edited",
      deleted: false,
      author: { id: cast.member.id, deleted: true, displayName: "Former member" },
    });
    const theirs = res.data?.thread.posts.edges.find(
      (e: { node: { id: string } }) => e.node.id === cast.othersPost.id,
    ).node;
    expect(theirs.author).toMatchObject({ id: cast.other.id, deleted: false, displayName: cast.other.displayName });
    const italian = await gql(
      server.url,
      POSTS,
      { t: cast.thread.id },
      { token: cast.other.token, headers: { "accept-language": "it" } },
    );
    const mineInItalian = italian.data?.thread.posts.edges.find(
      (e: { node: { id: string } }) => e.node.id === cast.post.id,
    ).node;
    expect(mineInItalian.author.displayName).toBe("Ex membro");
  });

  it("with eraseContent removes the text of their posts, their edits' history and their threads' opening text", async () => {
    const cast = await deleted(true);
    const res = await gql(server.url, POSTS, { t: cast.thread.id }, { token: cast.other.token });
    expect(res.data?.thread.body).toBe("");
    const mine = res.data?.thread.posts.edges.find((e: { node: { id: string } }) => e.node.id === cast.post.id).node;
    expect(mine).toMatchObject({ body: "", deleted: true, author: { deleted: true } });
    expect(await server.db.select().from(postRevisions).where(eq(postRevisions.postId, cast.post.id))).toEqual([]);
    const [thread] = await server.db.select().from(threads).where(eq(threads.id, cast.thread.id));
    expect(thread?.title).toBe("My thread");
    // Others' posts are untouched.
    const theirs = res.data?.thread.posts.edges.find(
      (e: { node: { id: string } }) => e.node.id === cast.othersPost.id,
    ).node;
    expect(theirs.body).toBe("Someone else's reply");
  });

  it("with eraseContent tells the thread's open pages, live, that the posts were deleted", async () => {
    const cast = await memberWhoDidEverything(server.db);
    const socket = server.socketFor(cast.other);
    const joined = server.subscribed("thread", cast.thread.id);
    const events = collect<{
      threadEvents: { __typename: string; post?: { id: string; body: string; deleted: boolean } };
    }>(
      socket,
      `subscription($t: ID!) { threadEvents(threadId: $t) { __typename ... on PostDeleted { post { id body deleted } } } }`,
      { t: cast.thread.id },
    );
    await joined;
    expect((await deleteAccount(cast.member, TEST_PASSWORD, true)).data?.deleteAccount).toBe(true);
    const data = await events.until((all) => all.some((e) => e.threadEvents.__typename === "PostDeleted"));
    expect(data.find((e) => e.threadEvents.__typename === "PostDeleted")?.threadEvents.post).toEqual({
      id: cast.post.id,
      body: "",
      deleted: true,
    });
    events.stop();
  });

  it("hands a document they edited alone to their community's facilitators; endorsements stay", async () => {
    const cast = await deleted(false);
    const editors = await server.db
      .select({ userId: deliverableEditors.userId })
      .from(deliverableEditors)
      .where(eq(deliverableEditors.deliverableId, cast.deliverable.id));
    expect(editors).toEqual([{ userId: cast.facilitator.id }]);
    const [endorsement] = await server.db
      .select()
      .from(endorsements)
      .where(eq(endorsements.deliverableId, cast.deliverable.id));
    expect(endorsement).toMatchObject({ endorserId: cast.member.id, withdrawnAt: null });
  });

  it("lets an unconfirmed account delete itself too: reading is all it did, leaving is its right", async () => {
    const unconfirmed = await buildUser(server.db, { emailVerifiedAt: null });
    expect((await deleteAccount(unconfirmed)).data?.deleteAccount).toBe(true);
  });

  it("lets a facilitator go when the community keeps another", async () => {
    const community = await buildCommunity(server.db);
    const [first, second] = [await buildUser(server.db), await buildUser(server.db)];
    await addMember(server.db, community, first, "FACILITATOR");
    await addMember(server.db, community, second, "FACILITATOR");
    expect((await deleteAccount(first)).data?.deleteAccount).toBe(true);
    // The other is now the last one.
    expect(errorCode(await deleteAccount(second))).toBe("CONFLICT");
  });
});

describe("deleteAccount races (PostgreSQL)", () => {
  // PGlite runs one statement at a time: the race needs real locks.
  it.runIf(process.env.TEST_DB === "postgres")("two facilitators deleting themselves at once leave one", async () => {
    const community = await buildCommunity(server.db);
    const [a, b] = [await buildUser(server.db), await buildUser(server.db)];
    await addMember(server.db, community, a, "FACILITATOR");
    await addMember(server.db, community, b, "FACILITATOR");
    const results = await Promise.all([deleteAccount(a), deleteAccount(b)]);
    expect(results.map((r) => (r.errors ? errorCode(r) : "OK")).sort()).toEqual(["CONFLICT", "OK"]);
    const left = await server.db
      .select()
      .from(communityMemberships)
      .where(eq(communityMemberships.communityId, community.id));
    expect(left).toHaveLength(1);
  });
});
