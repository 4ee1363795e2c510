import { communityMemberships, notifications } from "@pratica/db";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { errorCode, gql } from "../client.js";
import { addMember, buildCommunity, buildResource, buildThread, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";

const ADD = `mutation($i: AddPostInput!) { addPost(input: $i) { id cursor } }`;
const MARK = `mutation($t: ID!, $upTo: String) { markThreadRead(threadId: $t, upTo: $upTo) { id } }`;
const GROUPS = `query($first: Int, $after: String, $unreadOnly: Boolean) {
  unreadNotificationCount
  notificationGroups(first: $first, after: $after, unreadOnly: $unreadOnly) {
    totalCount
    edges { cursor node { id count unreadCount latestAt latest { id kind excerpt } latestActor { id displayName }
      thread { id title } community { id } firstUnreadPost { id } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const server = useTestServer();

type Group = {
  id: string;
  count: number;
  unreadCount: number;
  latest: { kind: string; excerpt: string };
  latestActor: { id: string } | null;
  thread: { id: string } | null;
  firstUnreadPost: { id: string } | null;
};

async function setup(visibility: "PUBLIC" | "MEMBERS" = "PUBLIC") {
  const community = await buildCommunity(server.db, { visibility });
  const [author, ana, ben] = await Promise.all([1, 2, 3].map(() => buildUser(server.db)));
  for (const u of [author, ana, ben]) await addMember(server.db, community, u as TestUser);
  const first = await buildThread(server.db, community, author as TestUser, { title: "First thread" });
  const second = await buildThread(server.db, community, author as TestUser, { title: "Second thread" });
  return { community, first, second, author: author as TestUser, ana: ana as TestUser, ben: ben as TestUser };
}

const reply = async (user: TestUser, threadId: string, body: string) =>
  (await gql(server.url, ADD, { i: { threadId, body } }, { token: user.token })).data?.addPost as {
    id: string;
    cursor: string;
  };

async function groupsOf(user: TestUser, variables: Record<string, unknown> = {}) {
  const res = await gql(server.url, GROUPS, variables, { token: user.token });
  expect(res.errors).toBeUndefined();
  return {
    unread: res.data?.unreadNotificationCount as number,
    total: res.data?.notificationGroups.totalCount as number,
    groups: res.data?.notificationGroups.edges.map((e: { node: Group }) => e.node) as Group[],
    pageInfo: res.data?.notificationGroups.pageInfo as { hasNextPage: boolean; endCursor: string | null },
  };
}

const unreadRows = async (user: TestUser) =>
  (
    await server.db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(eq(notifications.userId, user.id), sql`${notifications.readAt} is null`))
  )[0]?.n;

describe("notificationGroups", () => {
  it("requires login", async () => {
    const res = await gql(server.url, GROUPS);
    expect(errorCode(res)).toBe("UNAUTHENTICATED");
  });

  it("groups replies by thread, latest group first, with the counts, the latest actor and the first unread post", async () => {
    const { first, second, author, ana, ben } = await setup();
    const a1 = await reply(ana, first.id, "one");
    await reply(ben, first.id, "two");
    await reply(ana, second.id, "elsewhere");
    await reply(ana, first.id, "three, the latest");
    const { groups, total, unread } = await groupsOf(author);
    expect(total).toBe(2);
    expect(unread).toBe(4);
    expect(groups.map((g) => g.id)).toEqual([first.id, second.id]);
    expect(groups[0]).toMatchObject({
      count: 3,
      unreadCount: 3,
      thread: { id: first.id },
      latest: { kind: "REPLY_TO_THREAD", excerpt: "three, the latest" },
      latestActor: { id: ana.id },
      firstUnreadPost: { id: a1.id },
    });
    expect(groups[1]).toMatchObject({ count: 1, unreadCount: 1, thread: { id: second.id } });
  });

  it("keeps a notification about no thread as a group of its own", async () => {
    const { community, author, ana } = await setup();
    const resource = await buildResource(server.db, community, author);
    const [row] = await server.db
      .insert(notifications)
      .values({
        userId: author.id,
        kind: "RESOURCE_DECIDED",
        actorId: ana.id,
        communityId: community.id,
        resourceId: resource.id,
        excerpt: "A useful guide",
      })
      .returning();
    const { groups } = await groupsOf(author);
    expect(groups).toEqual([
      expect.objectContaining({ id: row?.id, count: 1, unreadCount: 1, thread: null, firstUnreadPost: null }),
    ]);
  });

  it("pages by keyset and refuses a forged cursor with BAD_USER_INPUT on after", async () => {
    const { first, second, author, ana } = await setup();
    await reply(ana, first.id, "one");
    await reply(ana, second.id, "two");
    const page1 = await groupsOf(author, { first: 1 });
    expect(page1.groups.map((g) => g.id)).toEqual([second.id]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = await groupsOf(author, { first: 1, after: page1.pageInfo.endCursor });
    expect(page2.groups.map((g) => g.id)).toEqual([first.id]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const forged = await gql(server.url, GROUPS, { after: "not-a-cursor" }, { token: author.token });
    expect(errorCode(forged)).toBe("BAD_USER_INPUT");
    expect(forged.errors?.[0]?.extensions?.field).toBe("after");
  });

  it("opening a thread reads its notifications, and only that thread's", async () => {
    const { first, second, author, ana, ben } = await setup();
    await reply(ana, first.id, "one");
    await reply(ben, first.id, "two");
    await reply(ana, second.id, "elsewhere");
    const opened = await gql(server.url, MARK, { t: first.id }, { token: author.token });
    expect(opened.errors).toBeUndefined();
    const { groups, unread } = await groupsOf(author);
    expect(unread).toBe(1);
    expect(groups.find((g) => g.id === first.id)).toMatchObject({ count: 2, unreadCount: 0, firstUnreadPost: null });
    expect(groups.find((g) => g.id === second.id)).toMatchObject({ unreadCount: 1 });
    expect((await groupsOf(author, { unreadOnly: true })).groups.map((g) => g.id)).toEqual([second.id]);
  });

  it("reading up to a post reads the notifications up to it; a reply after it stays unread", async () => {
    const { first, author, ana, ben } = await setup();
    const seen = await reply(ana, first.id, "seen live while the thread was open");
    // The page moves the marker over what arrived while it was open…
    await gql(server.url, MARK, { t: first.id, upTo: seen.cursor }, { token: author.token });
    // …and what came after it is still news.
    const later = await reply(ben, first.id, "after the reader left");
    const { groups, unread } = await groupsOf(author);
    expect(unread).toBe(1);
    expect(groups[0]).toMatchObject({ count: 2, unreadCount: 1, firstUnreadPost: { id: later.id } });
  });

  it("a refused markThreadRead reads nothing", async () => {
    const { community, first, author, ana } = await setup("MEMBERS");
    await reply(ana, first.id, "one");
    const anonymous = await gql(server.url, MARK, { t: first.id });
    expect(errorCode(anonymous)).toBe("UNAUTHENTICATED");
    // Removed from the members-only community: the thread cannot be opened, nothing is marked.
    await server.db
      .delete(communityMemberships)
      .where(and(eq(communityMemberships.communityId, community.id), eq(communityMemberships.userId, author.id)));
    expect(errorCode(await gql(server.url, MARK, { t: first.id }, { token: author.token }))).toBe("FORBIDDEN");
    expect(await unreadRows(author)).toBe(1);
  });

  it("does not show a group for a thread the viewer can no longer read, nor count it", async () => {
    const { community, first, author, ana } = await setup("MEMBERS");
    const open = await buildCommunity(server.db);
    await addMember(server.db, open, author);
    await addMember(server.db, open, ana);
    const elsewhere = await buildThread(server.db, open, author, { title: "Still readable" });
    await reply(ana, first.id, "members only");
    await reply(ana, elsewhere.id, "public");
    expect((await groupsOf(author)).total).toBe(2);
    await server.db
      .delete(communityMemberships)
      .where(and(eq(communityMemberships.communityId, community.id), eq(communityMemberships.userId, author.id)));
    const after = await groupsOf(author);
    expect(after.groups.map((g) => g.id)).toEqual([elsewhere.id]);
    expect(after.total).toBe(1);
    expect(after.unread).toBe(1);
    // The rows stay: they show again if the viewer becomes a member again.
    expect(await unreadRows(author)).toBe(2);
  });
});
