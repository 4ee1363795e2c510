import "reflect-metadata";
import {
  amendments,
  communityMemberships,
  deliverableComments,
  learningPathSteps,
  notifications,
  posts,
  sectionRevisions,
  sections,
} from "@pratica/db";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createServices } from "../../app/compose.js";
import type { Context } from "../../core/context.js";
import { createEventBus } from "../../core/event-bus.js";
import { AmendmentResolver } from "../../modules/deliverable/amendment.resolver.js";
import { DeliverableCommentResolver } from "../../modules/deliverable/comment.resolver.js";
import { SectionResolver, SectionRevisionResolver } from "../../modules/deliverable/section.resolver.js";
import { NotificationResolver } from "../../modules/inbox/notification.resolver.js";
import { LearningPathStepResolver } from "../../modules/library/learning-path.resolver.js";
import { PostResolver } from "../../modules/thread/post.resolver.js";
import { buildContext } from "../../server/context.js";
import { errorCode, gql } from "../client.js";
import { mustOk } from "../deliverable/setup.js";
import { addMember, buildCommunity, buildResource, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";

/** Every text written in the members-only community carries this word; none may reach a former member. */
const MARK = "Riservatissimo";
/** …and what is written after they went, this one too. */
const LATER = "Scrittodopo";

const server = useTestServer();

/** An operation that must succeed, as `user`; its data. */
const as =
  (user: TestUser) =>
  async (query: string, variables: Record<string, unknown> = {}) =>
    (await mustOk(gql(server.url, query, variables, { token: user.token }))).data ?? {};

/**
 * A members-only community where `victim` is told of a reply to their thread, a reply to their
 * post, a mention, an amendment proposed on the draft they edit, a decision on their own
 * amendment and one on their proposed resource; they saved that resource and follow a path.
 */
async function story() {
  const community = await buildCommunity(server.db, { visibility: "MEMBERS" });
  const [f, v, w, e] = [
    await buildUser(server.db),
    await buildUser(server.db),
    await buildUser(server.db),
    await buildUser(server.db),
  ];
  const cast = { facilitator: f, victim: v, writer: w, editor: e };
  await addMember(server.db, community, f, "FACILITATOR");
  for (const u of [v, w, e]) await addMember(server.db, community, u);

  const thread = (
    await as(v)(`mutation($i: CreateThreadInput!) { createThread(input: $i) { id } }`, {
      i: { communityId: community.id, title: `${MARK} plans`, body: `${MARK} opening words` },
    })
  ).createThread.id as string;
  const ADD = `mutation($i: AddPostInput!) { addPost(input: $i) { id } }`;
  const own = (await as(v)(ADD, { i: { threadId: thread, body: `${MARK} my own thoughts` } })).addPost.id as string;
  const reply = (await as(w)(ADD, { i: { threadId: thread, body: `${MARK} a reply`, replyToId: own } })).addPost
    .id as string;
  await as(w)(ADD, { i: { threadId: thread, body: `${MARK} to the thread` } });
  const other = (
    await as(w)(`mutation($i: CreateThreadInput!) { createThread(input: $i) { id } }`, {
      i: { communityId: community.id, title: `${MARK} elsewhere`, body: `${MARK} more words` },
    })
  ).createThread.id as string;
  await as(w)(ADD, { i: { threadId: other, body: `${MARK} what do you think, @${v.handle}?` } });

  const CREATE = `mutation($i: CreateDeliverableInput!) { createDeliverable(input: $i) { id sections { id } } }`;
  const draft = (i: Record<string, unknown>) => ({
    i: {
      communityId: community.id,
      title: `${MARK} manifesto`,
      summary: `${MARK} summary`,
      sections: [
        { heading: `${MARK} one`, body: `${MARK} first text` },
        { heading: `${MARK} two`, body: `${MARK} second text` },
      ],
      ...i,
    },
  });
  const mine = (await as(v)(CREATE, draft({}))).createDeliverable as { id: string; sections: { id: string }[] };
  await as(v)(`mutation($i: DeliverableEditorInput!) { addDeliverableEditor(input: $i) { id } }`, {
    i: { deliverableId: mine.id, userId: e.id },
  });
  const PROPOSE = `mutation($i: ProposeAmendmentInput!) { proposeAmendment(input: $i) { id } }`;
  const proposed = (
    await as(w)(PROPOSE, {
      i: { sectionId: mine.sections[0]?.id, body: `${MARK} better text`, rationale: `${MARK} why` },
    })
  ).proposeAmendment.id as string;
  const COMMENT = `mutation($i: AddDeliverableCommentInput!) { addDeliverableComment(input: $i) { id } }`;
  await as(w)(COMMENT, { i: { sectionId: mine.sections[1]?.id, body: `${MARK} on the section` } });
  await as(w)(COMMENT, { i: { amendmentId: proposed, body: `${MARK} on the amendment` } });
  const theirs = (await as(e)(CREATE, draft({ title: `${MARK} guidelines` }))).createDeliverable as {
    id: string;
    sections: { id: string }[];
  };
  const rejected = (
    await as(v)(PROPOSE, { i: { sectionId: theirs.sections[0]?.id, body: `${MARK} my text`, rationale: "because" } })
  ).proposeAmendment.id as string;
  await as(e)(`mutation($i: RejectAmendmentInput!) { rejectAmendment(input: $i) { id } }`, {
    i: { amendmentId: rejected, reason: `${MARK} not now` },
  });

  const resource = await buildResource(server.db, community, v, {
    title: `${MARK} guide`,
    summary: `${MARK} what it covers`,
    body: `${MARK} the whole guide`,
  });
  await as(f)(`mutation($i: DecideResourceInput!) { decideResource(input: $i) { id } }`, {
    i: { resourceId: resource.id, decision: "PUBLISH" },
  });
  await as(v)(`mutation($id: ID!) { setResourceBookmark(resourceId: $id, bookmarked: true) { id } }`, {
    id: resource.id,
  });
  let path = (
    await as(f)(`mutation($i: CreateLearningPathInput!) { createLearningPath(input: $i) { id version } }`, {
      i: { communityId: community.id, title: `${MARK} path` },
    })
  ).createLearningPath as { id: string; version: number };
  path = (
    await as(f)(`mutation($i: AddPathStepInput!) { addPathStep(input: $i) { id version } }`, {
      i: { pathId: path.id, resourceId: resource.id, note: `${MARK} read this`, expectedVersion: path.version },
    })
  ).addPathStep;
  await as(f)(`mutation($i: PublishLearningPathInput!) { publishLearningPath(input: $i) { id } }`, {
    i: { pathId: path.id, expectedVersion: path.version },
  });
  const [step] = await server.db.select().from(learningPathSteps).where(eq(learningPathSteps.pathId, path.id));
  await as(v)(`mutation($id: ID!) { setStepDone(stepId: $id, done: true) { id } }`, { id: step?.id });

  return { community, cast, thread, own, reply, mine, proposed, theirs, rejected, resource, path, step };
}
type Story = Awaited<ReturnType<typeof story>>;

/** What the victim's notifications lead to, every edge followed as deep as the limits allow. */
const NOTIFICATIONS = `query { unreadNotificationCount notifications(first: 20) { totalCount edges { node {
  id kind excerpt actor { id } community { id }
  thread { id title body posts(first: 5) { edges { node { body } } } }
  post { id body thread { title body } replyTo { body } revisions { body } }
  resource { id title body decisions { reason } }
  deliverable { id title sections { heading body amendments { body } comments { body } } markdown }
  amendment { id body rationale decisionReason section { body deliverable { title } } comments { body } }
} } } }`;

/** After the victim went, the others write on. */
async function writeOn(s: Story) {
  const { writer: w, editor: e } = s.cast;
  await as(w)(`mutation($i: EditPostInput!) { editPost(input: $i) { id } }`, {
    i: { postId: s.reply, body: `${MARK} ${LATER} edited reply` },
  });
  await as(w)(`mutation($i: AddPostInput!) { addPost(input: $i) { id } }`, {
    i: { threadId: s.thread, body: `${MARK} ${LATER} new post`, replyToId: s.own },
  });
  await as(e)(`mutation($i: AcceptAmendmentInput!) { acceptAmendment(input: $i) { id } }`, {
    i: { amendmentId: s.proposed },
  });
  const [second] = await server.db
    .select()
    .from(sections)
    .where(eq(sections.id, s.mine.sections[1]?.id as string));
  await as(e)(`mutation($i: EditSectionInput!) { editSection(input: $i) { id } }`, {
    i: { sectionId: second?.id, body: `${MARK} ${LATER} new text`, expectedVersion: second?.version },
  });
}

const leaks = (result: unknown) => JSON.stringify(result).includes(MARK);

describe("a member who left a members-only community reads none of it through any edge", () => {
  it.each(["removed by a facilitator", "left"] as const)("%s", async (how) => {
    const s = await story();
    const victim = s.cast.victim;
    const before = await gql(server.url, NOTIFICATIONS, {}, { token: victim.token });
    expect(before.errors).toBeUndefined();
    const kinds = before.data?.notifications.edges.map((edge: { node: { kind: string } }) => edge.node.kind).sort();
    expect(kinds).toEqual([
      "AMENDMENT_DECIDED",
      "AMENDMENT_PROPOSED",
      "MENTION",
      "REPLY_TO_POST",
      "REPLY_TO_THREAD",
      "RESOURCE_DECIDED",
    ]);
    // While a member, every edge answers: the query above is one that would leak.
    for (const { node } of before.data?.notifications.edges ?? []) {
      expect(node.thread ?? node.resource ?? node.deliverable).not.toBeNull();
    }

    if (how === "left") {
      await as(victim)(`mutation($id: ID!) { leaveCommunity(communityId: $id) }`, { id: s.community.id });
    } else {
      const [m] = await server.db
        .select()
        .from(communityMemberships)
        .where(and(eq(communityMemberships.communityId, s.community.id), eq(communityMemberships.userId, victim.id)));
      await as(s.cast.facilitator)(`mutation($id: ID!) { removeMember(membershipId: $id) }`, { id: m?.id });
    }
    await writeOn(s);
    const read = (query: string, variables: Record<string, unknown> = {}) =>
      gql(server.url, query, variables, { token: victim.token });

    // Notifications about what they may no longer read are hidden; the count agrees.
    const after = await read(NOTIFICATIONS);
    expect(after.errors).toBeUndefined();
    expect(after.data).toEqual({ unreadNotificationCount: 0, notifications: { totalCount: 0, edges: [] } });
    expect(
      (await read(`query { notifications(unreadOnly: true) { edges { node { id } } } }`)).data?.notifications.edges,
    ).toEqual([]);
    const hidden = await server.db.select().from(notifications).where(eq(notifications.userId, victim.id));
    expect(hidden).toHaveLength(6);
    for (const n of hidden) {
      const marked = await read(
        `mutation($id: ID!) { markNotificationRead(id: $id) { id excerpt thread { title } } }`,
        {
          id: n.id,
        },
      );
      expect(errorCode(marked)).toBe("NOT_FOUND");
      expect(leaks(marked)).toBe(false);
    }
    expect((await read(`mutation { markAllNotificationsRead }`)).data?.markAllNotificationsRead).toBe(0);
    const unread = await server.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, victim.id), isNull(notifications.readAt)));
    expect(unread).toHaveLength(6);

    // The direct queries refuse as before.
    expect(errorCode(await read(`query($id: ID!) { thread(id: $id) { title } }`, { id: s.thread }))).toBe("FORBIDDEN");
    for (const id of [s.mine.id, s.theirs.id])
      expect(errorCode(await read(`query($id: ID!) { deliverable(id: $id) { title } }`, { id }))).toBe("NOT_FOUND");
    expect(errorCode(await read(`query($id: ID!) { resource(id: $id) { title } }`, { id: s.resource.id }))).toBe(
      "FORBIDDEN",
    );
    expect(errorCode(await read(`query($id: ID!) { learningPath(id: $id) { title } }`, { id: s.path.id }))).toBe(
      "FORBIDDEN",
    );

    // Saved material, the community's lists and search give nothing of it either.
    const saved = await read(`query { savedResources { totalCount edges { node { title body } } } }`);
    expect(saved.data?.savedResources).toEqual({ totalCount: 0, edges: [] });
    for (const list of [
      `threads { edges { node { title } } }`,
      `resources { edges { node { title body } } }`,
      `deliverables { edges { node { title } } }`,
      `learningPaths { title steps { resource { body } } viewerProgress { total } }`,
    ]) {
      const res = await read(`query($slug: String!) { community(slug: $slug) { id ${list} } }`, {
        slug: s.community.slug,
      });
      expect(errorCode(res)).toBe("FORBIDDEN");
      expect(leaks(res)).toBe(false);
    }
    const SEARCH = `query($q: String!) { search(query: $q) { edges { snippet node { __typename
      ... on Thread { title } ... on Post { body thread { title } replyTo { body } }
      ... on Resource { title body } ... on Deliverable { title sections { body } } } } } }`;
    const found = await read(SEARCH, { q: MARK });
    expect(found.data?.search.edges).toEqual([]);
    // …which finds plenty for a member, so the query is one that would leak.
    const forMember = await gql(server.url, SEARCH, { q: MARK }, { token: s.cast.writer.token });
    expect(forMember.data?.search.edges.length).toBeGreaterThan(0);

    for (const res of [after, saved, found]) expect(leaks(res)).toBe(false);
  });
});

describe("every edge re-checks that the viewer may read its target", () => {
  /** A request's context for `user`, as the server builds it. */
  const contextOf = (user: TestUser): Context =>
    buildContext(
      {
        db: server.db,
        services: createServices(server.db, { sessionTtlDays: 1, bus: createEventBus() }),
        secureCookies: false,
        clientAddress: (req) => req.socket.remoteAddress ?? "unknown",
      },
      { id: user.id, role: user.role, sessionId: "edges", verified: true },
      { address: "127.0.0.1", locale: "en" },
      { set: () => {}, clear: () => {} },
    );
  const refusal = async (work: unknown) => {
    try {
      await work;
    } catch (error) {
      return (error as { code?: string }).code;
    }
    return "answered";
  };

  it("answers null (nullable) or the direct query's refusal, and answers a member in full", async () => {
    const s = await story();
    const victim = s.cast.victim;
    const [m] = await server.db
      .select()
      .from(communityMemberships)
      .where(and(eq(communityMemberships.communityId, s.community.id), eq(communityMemberships.userId, victim.id)));
    await as(s.cast.facilitator)(`mutation($id: ID!) { removeMember(membershipId: $id) }`, { id: m?.id });
    await writeOn(s);

    const rows = {
      notifications: await server.db.select().from(notifications).where(eq(notifications.userId, victim.id)),
      reply: (await server.db.select().from(posts).where(eq(posts.id, s.reply)))[0],
      amendment: (await server.db.select().from(amendments).where(eq(amendments.id, s.proposed)))[0],
      section: (
        await server.db
          .select()
          .from(sections)
          .where(eq(sections.id, s.mine.sections[0]?.id as string))
      )[0],
      revision: (
        await server.db
          .select()
          .from(sectionRevisions)
          .where(and(eq(sectionRevisions.deliverableId, s.mine.id), isNotNull(sectionRevisions.amendmentId)))
      )[0],
      comments: await server.db
        .select()
        .from(deliverableComments)
        .where(eq(deliverableComments.deliverableId, s.mine.id)),
    };
    const { reply, amendment: amendmentRow, section: sectionRow, revision: revisionRow } = rows;
    const stepRow = s.step;
    if (!reply || !amendmentRow || !sectionRow || !revisionRow || !stepRow) throw new Error("the story is incomplete");
    expect(rows.notifications).toHaveLength(6);
    expect(rows.comments).toHaveLength(2);

    const notification = new NotificationResolver();
    const post = new PostResolver();
    const [amendment, section, revision, comment, step] = [
      new AmendmentResolver(),
      new SectionResolver(),
      new SectionRevisionResolver(),
      new DeliverableCommentResolver(),
      new LearningPathStepResolver(),
    ];
    /** Every edge of the rows above, as `viewer` follows it: its answer, or its refusal's code. */
    const walk = async (viewer: TestUser) => {
      const ctx = contextOf(viewer);
      const answers: Record<string, unknown> = {};
      for (const n of rows.notifications) {
        answers[`${n.kind}.thread`] = await notification.thread(n, ctx);
        answers[`${n.kind}.post`] = await notification.post(n, ctx);
        answers[`${n.kind}.resource`] = await notification.resource(n, ctx);
        answers[`${n.kind}.deliverable`] = await notification.deliverable(n, ctx);
        answers[`${n.kind}.amendment`] = await notification.amendment(n, ctx);
      }
      answers["Post.replyTo"] = await post.replyTo(reply, ctx);
      answers["Post.thread"] = await refusal(post.thread(reply, ctx));
      answers["Amendment.section"] = await refusal(amendment.section(amendmentRow, ctx));
      answers["Section.deliverable"] = await refusal(section.deliverable(sectionRow, ctx));
      answers["SectionRevision.section"] = await refusal(revision.section(revisionRow, ctx));
      answers["SectionRevision.amendment"] = await revision.amendment(revisionRow, ctx);
      for (const c of rows.comments) {
        answers[`Comment.section.${c.sectionId ? "section" : "amendment"}`] = await comment.section(c, ctx);
        answers[`Comment.amendment.${c.sectionId ? "section" : "amendment"}`] = await comment.amendment(c, ctx);
      }
      answers["LearningPathStep.resource"] = await refusal(step.resource(stepRow, ctx));
      return answers;
    };

    const forVictim = await walk(victim);
    expect(leaks(forVictim)).toBe(false);
    expect(forVictim).toMatchObject({
      "Post.replyTo": null,
      "Post.thread": "FORBIDDEN",
      "Amendment.section": "NOT_FOUND",
      "Section.deliverable": "NOT_FOUND",
      "SectionRevision.section": "NOT_FOUND",
      "SectionRevision.amendment": null,
      "Comment.section.section": null,
      "Comment.amendment.amendment": null,
      "LearningPathStep.resource": "FORBIDDEN",
    });
    for (const [edge, answer] of Object.entries(forVictim)) {
      if (/^[A-Z_]+\./.test(edge)) expect([edge, answer]).toEqual([edge, null]);
    }

    // The same edges for a member still in the community: every one answers, with the new text.
    const forMember = await walk(s.cast.writer);
    expect(JSON.stringify(forMember)).toContain(LATER);
    expect(forMember).toMatchObject({
      "Post.thread": "answered",
      "Amendment.section": "answered",
      "Section.deliverable": "answered",
      "SectionRevision.section": "answered",
      "LearningPathStep.resource": "answered",
      "Post.replyTo": { id: s.own },
      "SectionRevision.amendment": { id: s.proposed },
      "Comment.section.section": { id: s.mine.sections[1]?.id },
      "Comment.amendment.amendment": { id: s.proposed },
      "REPLY_TO_POST.post": { id: s.reply },
      "REPLY_TO_THREAD.thread": { id: s.thread },
      "AMENDMENT_PROPOSED.amendment": { id: s.proposed },
      "AMENDMENT_DECIDED.deliverable": { id: s.theirs.id },
      "RESOURCE_DECIDED.resource": { id: s.resource.id },
    });
  });
});
