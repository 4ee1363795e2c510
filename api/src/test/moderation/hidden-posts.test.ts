import { postRevisions, posts } from "@pratica/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { gql } from "../client.js";
import { addMember, buildCommunity, buildPost, buildThread, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { hide } from "./hide.js";

const server = useTestServer();

const THREAD = `query($id: ID!) { thread(id: $id) {
  title body hidden moderation { hiddenBy reason caseId }
  posts(first: 50) { edges { node { id body hidden revisions { body } moderation { hiddenBy reason caseId }
    replyTo { id body hidden } } } }
} }`;

type PostNode = {
  id: string;
  body: string;
  hidden: boolean;
  revisions: { body: string }[];
  moderation: { hiddenBy: string; reason: string; caseId: string | null } | null;
  replyTo: { id: string; body: string; hidden: boolean } | null;
};

async function setup() {
  const community = await buildCommunity(server.db);
  const [author, member, facilitator, admin] = [
    await buildUser(server.db),
    await buildUser(server.db),
    await buildUser(server.db),
    await buildUser(server.db, { role: "ADMIN" }),
  ];
  await addMember(server.db, community, author);
  await addMember(server.db, community, member);
  await addMember(server.db, community, facilitator, "FACILITATOR");
  const thread = await buildThread(server.db, community, member, { title: "Thread title", body: "Thread body" });
  const hiddenPost = await buildPost(server.db, thread, author, "Something offensive");
  const reply = await buildPost(server.db, thread, member, "Quoting it");
  await server.db.update(posts).set({ replyToId: hiddenPost.id }).where(eq(posts.id, reply.id));
  const caseId = await hide(server.db, {
    kind: "POST",
    id: hiddenPost.id,
    communityId: community.id,
    authorId: author.id,
  });
  return { community, author, member, facilitator, admin, thread, hiddenPost, reply, caseId };
}

const read = async (threadId: string, user?: TestUser) => {
  const res = await gql(server.url, THREAD, { id: threadId }, { token: user?.token });
  expect(res.errors).toBeUndefined();
  const thread = res.data?.thread as { posts: { edges: { node: PostNode }[] } };
  return { posts: { nodes: thread.posts.edges.map((e) => e.node) } };
};

describe("a hidden post", () => {
  it("is blank with the notice for others, anonymous included; the text and the case for its author and the moderators", async () => {
    const { author, member, facilitator, admin, thread, hiddenPost, reply, caseId } = await setup();
    for (const [who, sees] of [
      [undefined, false],
      [member, false],
      [author, true],
      [facilitator, true],
      [admin, true],
    ] as const) {
      const posts = (await read(thread.id, who)).posts.nodes;
      const hidden = posts.find((p) => p.id === hiddenPost.id);
      expect(hidden).toMatchObject({
        hidden: true,
        body: sees ? "Something offensive" : "",
        moderation: { hiddenBy: "MODERATORS", reason: "OFFENSIVE", caseId: sees ? caseId : null },
      });
      // The quote in the reply re-checks: the same rule.
      const quoting = posts.find((p) => p.id === reply.id);
      expect(quoting?.replyTo).toMatchObject({
        id: hiddenPost.id,
        hidden: true,
        body: sees ? "Something offensive" : "",
      });
      expect(quoting).toMatchObject({ body: "Quoting it", hidden: false, moderation: null });
    }
  });

  it("says SYSTEM while hidden by the reports' threshold, until reviewed", async () => {
    const { community, author, member, thread } = await setup();
    const post = await buildPost(server.db, thread, author, "Auto hidden");
    await hide(server.db, {
      kind: "POST",
      id: post.id,
      communityId: community.id,
      authorId: author.id,
      bySystem: true,
      reason: "SPAM",
    });
    const found = (await read(thread.id, member)).posts.nodes.find((p) => p.id === post.id);
    expect(found).toMatchObject({ body: "", moderation: { hiddenBy: "SYSTEM", reason: "SPAM", caseId: null } });
  });

  it("keeps its earlier texts from others too", async () => {
    const { author, member, thread, hiddenPost } = await setup();
    await server.db.insert(postRevisions).values({
      postId: hiddenPost.id,
      communityId: hiddenPost.communityId,
      editorId: author.id,
      body: "Earlier text",
    });
    const forMember = (await read(thread.id, member)).posts.nodes.find((p) => p.id === hiddenPost.id);
    const forAuthor = (await read(thread.id, author)).posts.nodes.find((p) => p.id === hiddenPost.id);
    expect(forMember?.revisions).toEqual([]);
    expect(forAuthor?.revisions).toEqual([{ body: "Earlier text" }]);
  });
});

describe("a hidden thread", () => {
  it("stays listed with the notice, without its title and body for others", async () => {
    const { community, author, member, facilitator } = await setup();
    const thread = await buildThread(server.db, community, author, { title: "Bad title", body: "Bad body" });
    await hide(server.db, { kind: "THREAD", id: thread.id, communityId: community.id, authorId: author.id });
    const LIST = `query($slug: String!) { community(slug: $slug) { threads(first: 50) { edges { node { id title body hidden moderation { hiddenBy } } } } } }`;
    for (const [who, sees] of [
      [undefined, false],
      [member, false],
      [author, true],
      [facilitator, true],
    ] as const) {
      const res = await gql(server.url, LIST, { slug: community.slug }, { token: who?.token });
      const nodes = ((res.data?.community.threads.edges ?? []) as { node: { id: string } }[]).map((e) => e.node);
      expect(nodes.find((t) => t.id === thread.id)).toEqual({
        id: thread.id,
        title: sees ? "Bad title" : "",
        body: sees ? "Bad body" : "",
        hidden: true,
        moderation: { hiddenBy: "MODERATORS" },
      });
    }
  });
});
