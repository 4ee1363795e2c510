import { auditLog, notifications, posts } from "@pratica/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { errorCode, gql } from "../client.js";
import { addMember, buildCommunity, buildPost, buildThread, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";

const server = useTestServer();

const DELETE = `mutation($id: ID!, $reason: String) { deletePost(postId: $id, reason: $reason) { id deleted deletedReason } }`;
const READ = `query($id: ID!) { thread(id: $id) { posts(first: 10) { edges { node { id deleted deletedReason } } } } }`;

async function setup() {
  const community = await buildCommunity(server.db);
  const [author, member, facilitator] = await Promise.all([1, 2, 3].map(() => buildUser(server.db)));
  await addMember(server.db, community, author as TestUser);
  await addMember(server.db, community, member as TestUser);
  await addMember(server.db, community, facilitator as TestUser, "FACILITATOR");
  const thread = await buildThread(server.db, community, member as TestUser);
  const post = await buildPost(server.db, thread, author as TestUser, "Something");
  return {
    community,
    author: author as TestUser,
    member: member as TestUser,
    facilitator: facilitator as TestUser,
    thread,
    post,
  };
}

const del = (id: string, reason: string | null, user?: TestUser) =>
  gql(server.url, DELETE, { id, reason }, { token: user?.token });
const rowOf = async (id: string) => (await server.db.select().from(posts).where(eq(posts.id, id)))[0];
const auditOf = (id: string) => server.db.select().from(auditLog).where(eq(auditLog.targetId, id));
const toldOf = (userId: string, postId: string) =>
  server.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.postId, postId)));

describe("deletePost with a reason", () => {
  it("refuses the missing login, the wrong role, a moderator without a valid reason; each refusal changes nothing", async () => {
    const { member, facilitator, post } = await setup();
    expect(errorCode(await del(post.id, "spam"))).toBe("UNAUTHENTICATED");
    expect(errorCode(await del(post.id, "spam", member))).toBe("FORBIDDEN");
    for (const reason of [null, "", "   ", "x".repeat(1001)]) {
      const res = await del(post.id, reason, facilitator);
      expect(errorCode(res), String(reason)).toBe("BAD_USER_INPUT");
      expect(res.errors?.[0]?.extensions?.field).toBe("reason");
    }
    expect(await rowOf(post.id)).toMatchObject({ deletedAt: null, deletedReason: null });
    expect(await auditOf(post.id)).toEqual([]);
  });

  it("a moderator's reason is stored, shown to the author and the moderators only, told to the author, and audited once", async () => {
    const { author, member, facilitator, thread, post, community } = await setup();
    const res = await del(post.id, "  Personal data of a third party  ", facilitator);
    expect(res.errors).toBeUndefined();
    expect(res.data?.deletePost).toEqual({
      id: post.id,
      deleted: true,
      deletedReason: "Personal data of a third party",
    });
    for (const [who, sees] of [
      [author, true],
      [facilitator, true],
      [member, false],
      [undefined, false],
    ] as const) {
      const read = await gql(server.url, READ, { id: thread.id }, { token: who?.token });
      expect(read.data?.thread.posts.edges[0].node).toEqual({
        id: post.id,
        deleted: true,
        deletedReason: sees ? "Personal data of a third party" : null,
      });
    }
    const told = await toldOf(author.id, post.id);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      kind: "MODERATION_ACTION",
      actorId: facilitator.id,
      excerpt: "Personal data of a third party",
    });
    const audit = await auditOf(post.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "post.delete",
      actorId: facilitator.id,
      communityId: community.id,
      reason: "Personal data of a third party",
    });
    // The wrong state: deleted already.
    expect(errorCode(await del(post.id, "again", facilitator))).toBe("CONFLICT");
    expect(await auditOf(post.id)).toHaveLength(1);
  });

  it("an author deletes their own post with no reason: nothing is stored, told or audited", async () => {
    const { author, post } = await setup();
    const res = await del(post.id, "ignored", author);
    expect(res.data?.deletePost).toEqual({ id: post.id, deleted: true, deletedReason: null });
    expect(await rowOf(post.id)).toMatchObject({ deletedReason: null });
    expect(await toldOf(author.id, post.id)).toEqual([]);
    expect(await auditOf(post.id)).toEqual([]);
  });
});
