import { notifications } from "@pratica/db";
import { beforeAll, describe, expect, it } from "vitest";
import { lookUpSubjects } from "../../modules/notification/subjects.js";
import { gql } from "../client.js";
import { buildCast, buildDocument, type Cast, type Doc, mustOk } from "../deliverable/setup.js";
import { buildPost, buildResource, buildThread, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { hide } from "./hide.js";

const server = useTestServer();

let cast: Cast;
let doc: Doc;
let author: TestUser;
/** Who reads: [name, user, whether they may see hidden content]. The author is cast.member. */
let readers: [string, TestUser | undefined, boolean][];

beforeAll(async () => {
  cast = await buildCast(server);
  author = cast.member;
  doc = await buildDocument(server, cast, "REVIEW");
  readers = [
    ["anonymous", undefined, false],
    ["another member", cast.coEditor, false],
    ["the author", author, true],
    ["a facilitator", cast.facilitator, true],
    ["an admin", cast.admin, true],
  ];
});

const as = (user: TestUser | undefined, query: string, variables: Record<string, unknown> = {}) =>
  mustOk(gql(server.url, query, variables, { token: user?.token }));

describe("every edge to hidden content re-checks", () => {
  it("library: the resource itself and the community's library list", async () => {
    const resource = await buildResource(server.db, cast.community, author, {
      status: "PUBLISHED",
      title: "Hidden guide",
      summary: "Hidden summary",
      body: "Hidden body",
      url: "https://example.org/hidden",
    });
    await hide(server.db, { kind: "RESOURCE", id: resource.id, communityId: cast.community.id, authorId: author.id });
    const FIELDS = "id title summary body url host hidden moderation { hiddenBy }";
    for (const [name, user, sees] of readers) {
      const one = (await as(user, `query($id: ID!) { resource(id: $id) { ${FIELDS} } }`, { id: resource.id })).data
        ?.resource;
      const expected = {
        id: resource.id,
        title: sees ? "Hidden guide" : "",
        summary: sees ? "Hidden summary" : "",
        body: sees ? "Hidden body" : "",
        url: sees ? "https://example.org/hidden" : null,
        host: sees ? "example.org" : null,
        hidden: true,
        moderation: { hiddenBy: "MODERATORS" },
      };
      expect(one, name).toEqual(expected);
      const list = await as(
        user,
        `query($slug: String!) { community(slug: $slug) { resources(first: 50) { edges { node { ${FIELDS} } } } } }`,
        {
          slug: cast.community.slug,
        },
      );
      const listed = ((list.data?.community.resources.edges ?? []) as { node: { id: string } }[]).find(
        (e) => e.node.id === resource.id,
      );
      expect(listed?.node, name).toEqual(expected);
    }
  });

  it("documents: a comment thread and the amendment list", async () => {
    const section = doc.sections[0] as { id: string };
    const comment = await as(
      author,
      `mutation($i: AddDeliverableCommentInput!) { addDeliverableComment(input: $i) { id } }`,
      {
        i: { sectionId: section.id, body: "Hidden comment", quote: "We, the professional orders" },
      },
    );
    const commentId = comment.data?.addDeliverableComment.id as string;
    const amendment = await as(author, `mutation($i: ProposeAmendmentInput!) { proposeAmendment(input: $i) { id } }`, {
      i: { sectionId: section.id, body: "Hidden amendment text", rationale: "Hidden rationale" },
    });
    const amendmentId = amendment.data?.proposeAmendment.id as string;
    await hide(server.db, { kind: "COMMENT", id: commentId, communityId: cast.community.id, authorId: author.id });
    await hide(server.db, { kind: "AMENDMENT", id: amendmentId, communityId: cast.community.id, authorId: author.id });
    const Q = `query($id: ID!) { deliverable(id: $id) {
      sections { id comments { id body quote hidden moderation { hiddenBy } } }
      amendments { id body rationale diff { text } hidden moderation { hiddenBy } }
    } }`;
    for (const [name, user, sees] of readers.filter(([n]) => n !== "anonymous")) {
      const d = (await as(user, Q, { id: doc.id })).data?.deliverable;
      const c = d.sections
        .flatMap((s: { comments: { id: string }[] }) => s.comments)
        .find((x: { id: string }) => x.id === commentId);
      expect(c, name).toEqual({
        id: commentId,
        body: sees ? "Hidden comment" : "",
        quote: sees ? "We, the professional orders" : null,
        hidden: true,
        moderation: { hiddenBy: "MODERATORS" },
      });
      const a = d.amendments.find((x: { id: string }) => x.id === amendmentId);
      expect(a, name).toMatchObject({
        body: sees ? "Hidden amendment text" : "",
        rationale: sees ? "Hidden rationale" : "",
        hidden: true,
      });
      expect(a.diff.length > 0, name).toBe(sees);
    }
  });

  it("search: hidden content is found only by its author and the moderators", async () => {
    const thread = await buildThread(server.db, cast.community, cast.facilitator, {
      title: "Ordinary",
      body: "Ordinary words",
    });
    const post = await buildPost(server.db, thread, author, "Ornitorinco nascosto");
    await hide(server.db, { kind: "POST", id: post.id, communityId: cast.community.id, authorId: author.id });
    const SEARCH = `query($q: String!) { search(query: $q) { edges { node { __typename ... on Post { id body } } } } }`;
    for (const [name, user, sees] of readers) {
      const res = await as(user, SEARCH, { q: "ornitorinco" });
      const ids = ((res.data?.search.edges ?? []) as { node: { id?: string } }[]).map((e) => e.node.id);
      expect(ids.includes(post.id), name).toBe(sees);
    }
  });

  it("the inbox: a notification quoting a post hidden since is blank for its reader", async () => {
    const thread = await buildThread(server.db, cast.community, cast.coEditor);
    const post = await buildPost(server.db, thread, author, "Words hidden later");
    // What a reply notification stores: the post's first words.
    for (const user of [cast.coEditor, cast.facilitator]) {
      await server.db.insert(notifications).values({
        userId: user.id,
        kind: "REPLY_TO_THREAD",
        actorId: author.id,
        communityId: cast.community.id,
        threadId: thread.id,
        postId: post.id,
        excerpt: "Words hidden later",
      });
    }
    await hide(server.db, { kind: "POST", id: post.id, communityId: cast.community.id, authorId: author.id });
    const INBOX = `{ notifications(first: 50) { edges { node { excerpt post { id body hidden } } } } }`;
    for (const [user, sees] of [
      [cast.coEditor, false],
      [cast.facilitator, true],
    ] as const) {
      const nodes = (
        ((await as(user, INBOX)).data?.notifications.edges ?? []) as { node: { post: { id: string } | null } }[]
      ).map((e) => e.node);
      expect(nodes.find((n) => n.post?.id === post.id)).toEqual({
        excerpt: sees ? "Words hidden later" : "",
        post: { id: post.id, body: sees ? "Words hidden later" : "", hidden: true },
      });
    }
  });

  it("emails and digests sent after hiding carry no hidden text (subjects.ts, used by both)", async () => {
    const thread = await buildThread(server.db, cast.community, author, { title: "Hidden thread title" });
    const post = await buildPost(server.db, thread, author, "Hidden post words");
    const [reply] = await server.db
      .insert(notifications)
      .values({
        userId: cast.coEditor.id,
        kind: "REPLY_TO_THREAD",
        actorId: author.id,
        communityId: cast.community.id,
        threadId: thread.id,
        postId: post.id,
        excerpt: "Hidden post words",
      })
      .returning();
    if (!reply) throw new Error("no notification");
    const before = await lookUpSubjects(server.db, [reply]);
    expect([before.title(reply), before.excerpt(reply)]).toEqual(["Hidden thread title", "Hidden post words"]);
    await hide(server.db, { kind: "POST", id: post.id, communityId: cast.community.id, authorId: author.id });
    const postHidden = await lookUpSubjects(server.db, [reply]);
    expect([postHidden.title(reply), postHidden.excerpt(reply)]).toEqual(["Hidden thread title", ""]);
    await hide(server.db, { kind: "THREAD", id: thread.id, communityId: cast.community.id, authorId: author.id });
    const threadHidden = await lookUpSubjects(server.db, [reply]);
    expect(threadHidden.title(reply)).not.toContain("Hidden");
  });

  it("a hidden profile: the name stays, the bio is for its owner and admins only", async () => {
    const user = await buildUser(server.db, { bio: "Hidden bio" });
    await hide(server.db, { kind: "USER", id: user.id, communityId: null, authorId: user.id });
    const thread = await buildThread(server.db, cast.community, user, { title: "By a hidden profile" });
    const Q = `query($id: ID!) { thread(id: $id) { author { displayName bio hidden } } }`;
    for (const [name, viewer, sees] of [
      ["a member", cast.coEditor, false],
      ["a facilitator", cast.facilitator, false],
      ["the owner", user, true],
      ["an admin", cast.admin, true],
    ] as const) {
      const res = await as(viewer, Q, { id: thread.id });
      expect(res.data?.thread.author, name).toEqual({
        displayName: user.displayName,
        bio: sees ? "Hidden bio" : null,
        hidden: true,
      });
    }
  });
});
