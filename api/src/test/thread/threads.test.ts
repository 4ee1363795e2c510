import { postRevisions, posts, threads } from "@pratica/db";
import { POST_MAX } from "@pratica/rules";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode, type GqlResult, gql } from "../client.js";
import { addMember, buildCommunity, buildPost, buildThread, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";

const CREATE = `mutation($i: CreateThreadInput!) { createThread(input: $i) { id title tags replyCount author { id } } }`;
const ADD = `mutation($i: AddPostInput!) { addPost(input: $i) { id body cursor author { id } replyTo { id body } } }`;
const EDIT = `mutation($i: EditPostInput!) { editPost(input: $i) { id body edited revisions { body editor { id } } } }`;
const DELETE = `mutation($id: ID!) { deletePost(postId: $id) { id body deleted } }`;
const REACT = `mutation($i: ToggleReactionInput!) { toggleReaction(input: $i) { id reactions { kind count viewerReacted } } }`;
const LIST = `query($slug: String!, $first: Int, $after: String, $sort: ThreadSort, $tag: String) {
  community(slug: $slug) { threads(first: $first, after: $after, sort: $sort, tag: $tag) {
    totalCount edges { node { id title pinned replyCount unreadCount } } pageInfo { hasNextPage endCursor } } } }`;

const server = useTestServer();
let community: Awaited<ReturnType<typeof buildCommunity>>;
let alice: TestUser;
let bob: TestUser;
let facilitator: TestUser;
beforeAll(async () => {
  community = await buildCommunity(server.db);
  [alice, bob, facilitator] = [await buildUser(server.db), await buildUser(server.db), await buildUser(server.db)];
  await addMember(server.db, community, alice);
  await addMember(server.db, community, bob);
  await addMember(server.db, community, facilitator, "FACILITATOR");
});

const postCount = async () => (await server.db.select({ n: sql<number>`count(*)::int` }).from(posts))[0]?.n;

describe("createThread", () => {
  it("creates a thread with normalised, de-duplicated tags", async () => {
    const res = await gql(
      server.url,
      CREATE,
      {
        i: {
          communityId: community.id,
          title: "  Impact reports  ",
          body: "How do you measure?",
          tags: ["Impact", "impact", "reporting"],
        },
      },
      { token: alice.token },
    );
    expect(res.data?.createThread).toMatchObject({
      title: "Impact reports",
      tags: ["impact", "reporting"],
      replyCount: 0,
      author: { id: alice.id },
    });
  });

  it.each([
    ["title", { title: "Hi", body: "text" }],
    ["title", { title: "x".repeat(201), body: "text" }],
    ["body", { title: "A fine title", body: "   " }],
    ["tags.0", { title: "A fine title", body: "text", tags: ["two words"] }],
    ["tags", { title: "A fine title", body: "text", tags: ["a", "b", "c", "d", "e", "f"] }],
  ])("refuses bad %s with BAD_USER_INPUT and creates nothing", async (field, input) => {
    const before = (await server.db.select({ n: sql<number>`count(*)::int` }).from(threads))[0]?.n;
    const res = await gql(server.url, CREATE, { i: { communityId: community.id, ...input } }, { token: alice.token });
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
    expect((await server.db.select({ n: sql<number>`count(*)::int` }).from(threads))[0]?.n).toBe(before);
  });

  it("refuses an unknown community with NOT_FOUND", async () => {
    const res = await gql(
      server.url,
      CREATE,
      { i: { communityId: "00000000-0000-0000-0000-000000000000", title: "Lost", body: "x" } },
      { token: alice.token },
    );
    expect(errorCode(res)).toBe("NOT_FOUND");
  });
});

describe("addPost", () => {
  it("adds a reply, bumps the thread and quotes the post it answers", async () => {
    const thread = await buildThread(server.db, community, alice);
    const first = await gql(server.url, ADD, { i: { threadId: thread.id, body: "First!" } }, { token: bob.token });
    const second = await gql(
      server.url,
      ADD,
      { i: { threadId: thread.id, body: "Answering", replyToId: first.data?.addPost.id } },
      { token: alice.token },
    );
    expect(second.data?.addPost.replyTo).toEqual({ id: first.data?.addPost.id, body: "First!" });
    expect(Number(second.data?.addPost.cursor)).toBeGreaterThan(Number(first.data?.addPost.cursor));
    const [row] = await server.db.select().from(threads).where(eq(threads.id, thread.id));
    expect(row?.replyCount).toBe(2);
    expect(row?.lastActivityAt.getTime()).toBeGreaterThan(thread.lastActivityAt.getTime() - 1);
  });

  it.each([
    ["empty body", { body: "  " }, "BAD_USER_INPUT"],
    ["too long body", { body: "x".repeat(POST_MAX + 1) }, "BAD_USER_INPUT"],
  ])("refuses an %s, adding nothing", async (_name, input, code) => {
    const thread = await buildThread(server.db, community, alice);
    const before = await postCount();
    const res = await gql(server.url, ADD, { i: { threadId: thread.id, ...input } }, { token: bob.token });
    expect(errorCode(res)).toBe(code);
    expect(res.errors?.[0]?.extensions?.field).toBe("body");
    expect(await postCount()).toBe(before);
  });

  it("refuses an unknown thread with NOT_FOUND", async () => {
    for (const threadId of ["00000000-0000-0000-0000-000000000000", "nope"]) {
      expect(errorCode(await gql(server.url, ADD, { i: { threadId, body: "Hello?" } }, { token: bob.token }))).toBe(
        "NOT_FOUND",
      );
    }
  });

  it("refuses replying to a post of another thread", async () => {
    const [one, two] = [await buildThread(server.db, community, alice), await buildThread(server.db, community, alice)];
    const elsewhere = await buildPost(server.db, two, alice);
    const res = await gql(
      server.url,
      ADD,
      { i: { threadId: one.id, body: "x", replyToId: elsewhere.id } },
      { token: bob.token },
    );
    expect(errorCode(res)).toBe("NOT_FOUND");
  });

  it("a locked thread refuses members' replies with a clear FORBIDDEN, but takes the facilitator's", async () => {
    const thread = await buildThread(server.db, community, alice, { locked: true });
    const before = await postCount();
    const refused = await gql(server.url, ADD, { i: { threadId: thread.id, body: "Can I?" } }, { token: bob.token });
    expect(errorCode(refused)).toBe("FORBIDDEN");
    expect(refused.errors?.[0]?.message).toMatch(/locked/i);
    expect(await postCount()).toBe(before);
    const allowed = await gql(
      server.url,
      ADD,
      { i: { threadId: thread.id, body: "Closing note" } },
      { token: facilitator.token },
    );
    expect(allowed.errors).toBeUndefined();
  });
});

describe("editPost and deletePost", () => {
  it("keeps every edit as a revision and marks the post edited", async () => {
    const post = await buildPost(server.db, await buildThread(server.db, community, alice), bob, "v1");
    await gql(server.url, EDIT, { i: { postId: post.id, body: "v2" } }, { token: bob.token });
    const res = await gql(server.url, EDIT, { i: { postId: post.id, body: "v3" } }, { token: bob.token });
    expect(res.data?.editPost).toMatchObject({ body: "v3", edited: true });
    expect(res.data?.editPost.revisions.map((r: { body: string }) => r.body)).toEqual(["v1", "v2"]);
  });

  it("refuses editing someone else's post, and changes nothing", async () => {
    const post = await buildPost(server.db, await buildThread(server.db, community, alice), bob, "mine");
    const res = await gql(server.url, EDIT, { i: { postId: post.id, body: "yours now" } }, { token: alice.token });
    expect(errorCode(res)).toBe("FORBIDDEN");
    const revisions = await server.db.select().from(postRevisions).where(eq(postRevisions.postId, post.id));
    expect(revisions).toHaveLength(0);
  });

  it("soft-deletes in place: body hidden, replies keep their quote; deleting or editing again is a CONFLICT", async () => {
    const thread = await buildThread(server.db, community, alice);
    const post = await buildPost(server.db, thread, bob, "to be removed");
    const reply = await gql(
      server.url,
      ADD,
      { i: { threadId: thread.id, body: "quoting", replyToId: post.id } },
      { token: alice.token },
    );
    const res = await gql(server.url, DELETE, { id: post.id }, { token: bob.token });
    expect(res.data?.deletePost).toEqual({ id: post.id, body: "", deleted: true });
    const q = await gql(
      server.url,
      `query($id: ID!) { thread(id: $id) { posts { edges { node { id deleted replyTo { id deleted } } } } } }`,
      { id: thread.id },
      { token: alice.token },
    );
    const nodes = q.data?.thread.posts.edges.map((e: { node: unknown }) => e.node);
    expect(nodes).toEqual([
      { id: post.id, deleted: true, replyTo: null },
      { id: reply.data?.addPost.id, deleted: false, replyTo: { id: post.id, deleted: true } },
    ]);
    expect(errorCode(await gql(server.url, DELETE, { id: post.id }, { token: facilitator.token }))).toBe("CONFLICT");
    expect(errorCode(await gql(server.url, EDIT, { i: { postId: post.id, body: "back" } }, { token: bob.token }))).toBe(
      "CONFLICT",
    );
  });
});

describe("reactions", () => {
  it("toggles: on, counted with viewerReacted, off again; an unknown kind is refused", async () => {
    const post = await buildPost(server.db, await buildThread(server.db, community, alice), alice);
    const on = await gql(server.url, REACT, { i: { postId: post.id, kind: "HEART" } }, { token: bob.token });
    expect(on.data?.toggleReaction.reactions).toEqual([{ kind: "HEART", count: 1, viewerReacted: true }]);
    await gql(server.url, REACT, { i: { postId: post.id, kind: "HEART" } }, { token: alice.token });
    const off = await gql(server.url, REACT, { i: { postId: post.id, kind: "HEART" } }, { token: bob.token });
    expect(off.data?.toggleReaction.reactions).toEqual([{ kind: "HEART", count: 1, viewerReacted: false }]);
    expect(
      errorCode(await gql(server.url, REACT, { i: { postId: post.id, kind: "ANGRY" } }, { token: bob.token })),
    ).toBe("BAD_USER_INPUT");
  });
});

describe("thread lists", () => {
  it("sorts by latest activity, newest or most replies, pinned first, filters by tag, pages without repeats", async () => {
    const c = await buildCommunity(server.db);
    await addMember(server.db, c, alice);
    const t = (title: string, minutesAgo: number, extra = {}) =>
      buildThread(server.db, c, alice, {
        title,
        createdAt: new Date(Date.now() - minutesAgo * 60_000),
        lastActivityAt: new Date(Date.now() - minutesAgo * 60_000),
        ...extra,
      });
    await t("old but active", 50, { lastActivityAt: new Date(), replyCount: 1 });
    await t("newest", 1, { tags: ["circular"] });
    await t("popular", 30, { replyCount: 9, tags: ["circular"] });
    await t("pinned", 100, { pinned: true });

    const titles = async (vars: Record<string, unknown>) =>
      (
        await gql(server.url, LIST, { slug: c.slug, ...vars }, { token: alice.token })
      ).data?.community.threads.edges.map((e: { node: { title: string } }) => e.node.title);
    expect(await titles({})).toEqual(["pinned", "old but active", "newest", "popular"]);
    expect(await titles({ sort: "NEWEST" })).toEqual(["pinned", "newest", "popular", "old but active"]);
    expect(await titles({ sort: "MOST_REPLIES" })).toEqual(["pinned", "popular", "old but active", "newest"]);
    expect(await titles({ tag: "Circular" })).toEqual(["newest", "popular"]);

    for (const sort of ["LATEST_ACTIVITY", "NEWEST", "MOST_REPLIES"]) {
      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 5; i++) {
        const res: GqlResult = await gql(
          server.url,
          LIST,
          { slug: c.slug, first: 1, after, sort },
          { token: alice.token },
        );
        const conn = res.data?.community.threads;
        seen.push(...conn.edges.map((e: { node: { title: string } }) => e.node.title));
        if (!conn.pageInfo.hasNextPage) break;
        after = conn.pageInfo.endCursor;
      }
      expect(seen).toEqual(await titles({ sort }));
    }
  });

  it("counts unread replies per viewer and clears them with markThreadRead", async () => {
    const c = await buildCommunity(server.db);
    await addMember(server.db, c, alice);
    await addMember(server.db, c, bob);
    const thread = await buildThread(server.db, c, alice);
    for (const body of ["one", "two", "three"])
      await gql(server.url, ADD, { i: { threadId: thread.id, body } }, { token: bob.token });
    const unread = async () =>
      (await gql(server.url, LIST, { slug: c.slug }, { token: alice.token })).data?.community.threads.edges[0].node
        .unreadCount;
    expect(await unread()).toBe(3);
    const page = await gql(
      server.url,
      `query($id: ID!) { thread(id: $id) { lastReadCursor posts { edges { node { cursor } } } } }`,
      { id: thread.id },
      { token: alice.token },
    );
    expect(page.data?.thread.lastReadCursor).toBeNull();
    const secondCursor = page.data?.thread.posts.edges[1].node.cursor;
    await gql(
      server.url,
      `mutation($id: ID!, $upTo: String) { markThreadRead(threadId: $id, upTo: $upTo) { id } }`,
      { id: thread.id, upTo: secondCursor },
      { token: alice.token },
    );
    expect(await unread()).toBe(1);
    const again = await gql(
      server.url,
      `query($id: ID!) { thread(id: $id) { lastReadCursor } }`,
      { id: thread.id },
      { token: alice.token },
    );
    expect(again.data?.thread.lastReadCursor).toBe(secondCursor);
    await gql(
      server.url,
      `mutation($id: ID!) { markThreadRead(threadId: $id) { id } }`,
      { id: thread.id },
      { token: alice.token },
    );
    expect(await unread()).toBe(0);
    // The marker never moves back.
    await gql(
      server.url,
      `mutation($id: ID!, $upTo: String) { markThreadRead(threadId: $id, upTo: $upTo) { id } }`,
      { id: thread.id, upTo: "1" },
      { token: alice.token },
    );
    expect(await unread()).toBe(0);
  });

  it("refuses a malformed cursor or tag with BAD_USER_INPUT", async () => {
    expect(errorCode(await gql(server.url, LIST, { slug: community.slug, after: "zzz" }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await gql(server.url, LIST, { slug: community.slug, tag: "two words" }))).toBe("BAD_USER_INPUT");
  });
});

describe("the thread page", () => {
  const PAGE = `query($id: ID!, $first: Int) { thread(id: $id) { id title body author { id displayName }
    posts(first: $first) { edges { cursor node { id body deleted edited createdAt author { id displayName handle }
      replyTo { id body author { id displayName } } reactions { kind count viewerReacted } } } pageInfo { hasNextPage } } } }`;

  async function threadWith(n: number) {
    const thread = await buildThread(server.db, community, alice);
    const users = [alice, bob, facilitator];
    let previous: string | null = null;
    for (let i = 0; i < n; i++) {
      const [p]: { id: string }[] = await server.db
        .insert(posts)
        .values({
          threadId: thread.id,
          communityId: community.id,
          authorId: (users[i % 3] as TestUser).id,
          body: `post ${i}`,
          replyToId: previous,
        })
        .returning();
      previous = p?.id ?? null;
    }
    return thread;
  }

  it("runs the same number of SQL statements for 10 and for 100 posts (no N+1)", async () => {
    const statementsFor = async (n: number) => {
      const thread = await threadWith(n);
      const start = server.statements.length;
      const res = await gql(server.url, PAGE, { id: thread.id, first: 100 }, { token: bob.token });
      expect(res.errors).toBeUndefined();
      expect(res.data?.thread.posts.edges).toHaveLength(n);
      return server.statements.length - start;
    };
    const ten = await statementsFor(10);
    const hundred = await statementsFor(100);
    expect(hundred).toBe(ten);
    expect(ten).toBeLessThanOrEqual(12);
  });
});
