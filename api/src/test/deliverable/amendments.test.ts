import { amendments, notifications, sectionRevisions, sections } from "@pratica/db";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestServer } from "../fixture.js";
import { buildCast, buildDocument, type Cast, EDIT, errorCode, gql } from "./setup.js";

const PROPOSE = `mutation($i: ProposeAmendmentInput!) { proposeAmendment(input: $i) { id status baseVersion stale proposer { id } } }`;
const ACCEPT = `mutation($i: AcceptAmendmentInput!) { acceptAmendment(input: $i) { id status decider { id } section { body version } } }`;
const REJECT = `mutation($i: RejectAmendmentInput!) { rejectAmendment(input: $i) { id status decisionReason } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawAmendment(amendmentId: $id) { id status } }`;
const AMENDMENTS = `query($id: ID!) { deliverable(id: $id) { amendments { id status stale diff { kind text } currentDiff { kind text } } } }`;

const server = useTestServer();
let cast: Cast;
beforeAll(async () => {
  cast = await buildCast(server);
});

async function proposal(status: "DRAFT" | "REVIEW" = "REVIEW") {
  const doc = await buildDocument(server, cast, status);
  const section = doc.sections[0] as { id: string; body: string };
  const res = await gql(
    server.url,
    PROPOSE,
    {
      i: { sectionId: section.id, body: "We, the professional orders, commit to impact.", rationale: "Stronger verb." },
    },
    { token: cast.member.token },
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return { doc, section, amendmentId: res.data?.proposeAmendment.id as string };
}
const amendmentRow = async (id: string) => (await server.db.select().from(amendments).where(eq(amendments.id, id)))[0];
const sectionRow = async (id: string) => (await server.db.select().from(sections).where(eq(sections.id, id)))[0];
const tokenOf = (who: keyof Omit<Cast, "community"> | "anonymous") =>
  who === "anonymous" ? undefined : cast[who].token;

describe("proposeAmendment", () => {
  it("any active member proposes while DRAFT or REVIEW; the editors are told", async () => {
    const { amendmentId, doc } = await proposal("DRAFT");
    expect(await amendmentRow(amendmentId)).toMatchObject({
      status: "OPEN",
      baseVersion: 1,
      proposerId: cast.member.id,
    });
    const told = await server.db.select().from(notifications).where(eq(notifications.amendmentId, amendmentId));
    expect(told.map((n) => [n.userId, n.kind]).sort()).toEqual(
      [
        [cast.editor.id, "AMENDMENT_PROPOSED"],
        [cast.coEditor.id, "AMENDMENT_PROPOSED"],
      ].sort(),
    );
    expect(told[0]?.deliverableId).toBe(doc.id);
  });

  it.each([
    ["anonymous", "UNAUTHENTICATED"],
    ["outsider", "NOT_FOUND"],
    ["pending", "NOT_FOUND"],
  ] as const)("%s may not propose: %s", async (who, code) => {
    const doc = await buildDocument(server, cast, "REVIEW");
    const res = await gql(
      server.url,
      PROPOSE,
      { i: { sectionId: doc.sections[0]?.id, body: "x", rationale: "because" } },
      { token: tokenOf(who) },
    );
    expect(errorCode(res)).toBe(code);
  });

  it.each(["APPROVED", "PUBLISHED"] as const)("a %s document takes no amendments: CONFLICT", async (status) => {
    const doc = await buildDocument(server, cast, status);
    const res = await gql(
      server.url,
      PROPOSE,
      { i: { sectionId: doc.sections[0]?.id, body: "x", rationale: "because" } },
      { token: cast.member.token },
    );
    expect(errorCode(res)).toBe("CONFLICT");
  });

  it.each([
    ["rationale", { rationale: "" }],
    ["body", { body: "We, the professional orders, believe in impact." }],
    ["baseVersion", { baseVersion: 5 }],
  ])("a bad %s is BAD_USER_INPUT", async (field, change) => {
    const doc = await buildDocument(server, cast, "REVIEW");
    const res = await gql(
      server.url,
      PROPOSE,
      { i: { sectionId: doc.sections[0]?.id, body: "New text", rationale: "Better", ...change } },
      { token: cast.member.token },
    );
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
  });
});

describe("deciding", () => {
  it("an editor accepts: a new revision credited to the proposer, the proposer is told", async () => {
    const { section, amendmentId } = await proposal();
    const res = await gql(server.url, ACCEPT, { i: { amendmentId } }, { token: cast.coEditor.token });
    expect(res.data?.acceptAmendment).toMatchObject({
      status: "ACCEPTED",
      decider: { id: cast.coEditor.id },
      section: { version: 2, body: "We, the professional orders, commit to impact." },
    });
    const [revision] = await server.db
      .select()
      .from(sectionRevisions)
      .where(and(eq(sectionRevisions.sectionId, section.id), eq(sectionRevisions.version, 2)));
    expect(revision).toMatchObject({ authorId: cast.member.id, editorId: cast.coEditor.id, amendmentId });
    const told = await server.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.amendmentId, amendmentId), eq(notifications.kind, "AMENDMENT_DECIDED")));
    expect(told.map((n) => n.userId)).toEqual([cast.member.id]);
    expect(errorCode(await gql(server.url, ACCEPT, { i: { amendmentId } }, { token: cast.editor.token }))).toBe(
      "CONFLICT",
    );
  });

  it.each([
    ["anonymous", "UNAUTHENTICATED"],
    ["member", "FORBIDDEN"],
    ["facilitator", "FORBIDDEN"],
    ["admin", "FORBIDDEN"],
  ] as const)("%s may not accept or reject: %s, nothing changes", async (who, code) => {
    const { section, amendmentId } = await proposal();
    expect(errorCode(await gql(server.url, ACCEPT, { i: { amendmentId } }, { token: tokenOf(who) }))).toBe(code);
    expect(
      errorCode(await gql(server.url, REJECT, { i: { amendmentId, reason: "Not now" } }, { token: tokenOf(who) })),
    ).toBe(code);
    expect(await amendmentRow(amendmentId)).toMatchObject({ status: "OPEN" });
    expect(await sectionRow(section.id)).toMatchObject({ version: 1 });
  });

  it("rejecting needs a reason, which the proposer reads", async () => {
    const { amendmentId } = await proposal();
    const noReason = await gql(server.url, REJECT, { i: { amendmentId, reason: " " } }, { token: cast.editor.token });
    expect(errorCode(noReason)).toBe("BAD_USER_INPUT");
    const res = await gql(
      server.url,
      REJECT,
      { i: { amendmentId, reason: "Commitments must be verifiable." } },
      { token: cast.editor.token },
    );
    expect(res.data?.rejectAmendment).toMatchObject({
      status: "REJECTED",
      decisionReason: "Commitments must be verifiable.",
    });
    const withdraw = await gql(server.url, WITHDRAW, { id: amendmentId }, { token: cast.member.token });
    expect(errorCode(withdraw)).toBe("CONFLICT");
  });

  it("only the proposer withdraws, while it is open", async () => {
    const { amendmentId } = await proposal();
    expect(errorCode(await gql(server.url, WITHDRAW, { id: amendmentId }, { token: cast.editor.token }))).toBe(
      "FORBIDDEN",
    );
    expect(errorCode(await gql(server.url, WITHDRAW, { id: amendmentId }))).toBe("UNAUTHENTICATED");
    const res = await gql(server.url, WITHDRAW, { id: amendmentId }, { token: cast.member.token });
    expect(res.data?.withdrawAmendment).toMatchObject({ status: "WITHDRAWN" });
    expect(errorCode(await gql(server.url, ACCEPT, { i: { amendmentId } }, { token: cast.editor.token }))).toBe(
      "CONFLICT",
    );
  });

  it("once the document is approved an open amendment can no longer be accepted", async () => {
    const { doc, amendmentId } = await proposal();
    await gql(
      server.url,
      `mutation($i: SetDeliverableStatusInput!) { setDeliverableStatus(input: $i) { id } }`,
      { i: { deliverableId: doc.id, status: "APPROVED" } },
      { token: cast.editor.token },
    );
    expect(errorCode(await gql(server.url, ACCEPT, { i: { amendmentId } }, { token: cast.editor.token }))).toBe(
      "CONFLICT",
    );
  });
});

describe("stale amendments", () => {
  it("are shown as stale with the diff against the current text, and need a confirmed merge", async () => {
    const { doc, section, amendmentId } = await proposal();
    await gql(
      server.url,
      EDIT,
      {
        i: {
          sectionId: section.id,
          body: "We, the professional orders, believe in impact. Together.",
          expectedVersion: 1,
        },
      },
      { token: cast.editor.token },
    );
    const listed = await gql(server.url, AMENDMENTS, { id: doc.id }, { token: cast.member.token });
    const amendment = listed.data?.deliverable.amendments.find((a: { id: string }) => a.id === amendmentId);
    expect(amendment.stale).toBe(true);
    const join = (parts: { kind: string; text: string }[], skip: string) =>
      parts
        .filter((p) => p.kind !== skip)
        .map((p) => p.text)
        .join("");
    expect(join(amendment.currentDiff, "ADDED")).toBe("We, the professional orders, believe in impact. Together.");
    expect(join(amendment.currentDiff, "REMOVED")).toBe("We, the professional orders, commit to impact.");
    expect(join(amendment.diff, "ADDED")).toBe("We, the professional orders, believe in impact.");

    const plain = await gql(server.url, ACCEPT, { i: { amendmentId } }, { token: cast.editor.token });
    expect(errorCode(plain)).toBe("CONFLICT");
    expect(plain.errors?.[0]?.extensions?.current).toMatchObject({
      version: 2,
      body: "We, the professional orders, believe in impact. Together.",
      amendmentBody: "We, the professional orders, commit to impact.",
      stale: true,
    });
    const merged = "We, the professional orders, commit to impact. Together.";
    const old = await gql(
      server.url,
      ACCEPT,
      { i: { amendmentId, mergedBody: merged, expectedVersion: 1 } },
      { token: cast.editor.token },
    );
    expect(errorCode(old)).toBe("CONFLICT");
    expect(await amendmentRow(amendmentId)).toMatchObject({ status: "OPEN" });
    const ok = await gql(
      server.url,
      ACCEPT,
      { i: { amendmentId, mergedBody: merged, expectedVersion: 2 } },
      { token: cast.editor.token },
    );
    expect(ok.data?.acceptAmendment).toMatchObject({ status: "ACCEPTED", section: { version: 3, body: merged } });
  });
});

describe("comments", () => {
  const COMMENT = `mutation($i: AddDeliverableCommentInput!) { addDeliverableComment(input: $i) { id quote parentId } }`;
  const RESOLVE = `mutation($id: ID!, $r: Boolean) { resolveDeliverableComment(commentId: $id, resolved: $r) { id resolved } }`;
  const THREADS = `query($id: ID!) { deliverable(id: $id) { sections { comments { id body quote resolved author { id } replies { body } } } } }`;

  it("members comment quoting a passage, reply, and resolve the thread", async () => {
    const doc = await buildDocument(server, cast, "REVIEW");
    const section = doc.sections[0] as { id: string };
    const badQuote = await gql(
      server.url,
      COMMENT,
      { i: { sectionId: section.id, body: "Hm", quote: "not in the text" } },
      { token: cast.member.token },
    );
    expect(errorCode(badQuote)).toBe("BAD_USER_INPUT");
    expect(
      errorCode(
        await gql(server.url, COMMENT, { i: { sectionId: section.id, body: " " } }, { token: cast.member.token }),
      ),
    ).toBe("BAD_USER_INPUT");
    expect(errorCode(await gql(server.url, COMMENT, { i: { body: "Where?" } }, { token: cast.member.token }))).toBe(
      "BAD_USER_INPUT",
    );
    expect(errorCode(await gql(server.url, COMMENT, { i: { sectionId: section.id, body: "Hi" } }))).toBe(
      "UNAUTHENTICATED",
    );
    expect(
      errorCode(
        await gql(server.url, COMMENT, { i: { sectionId: section.id, body: "Hi" } }, { token: cast.outsider.token }),
      ),
    ).toBe("NOT_FOUND");
    const root = await gql(
      server.url,
      COMMENT,
      { i: { sectionId: section.id, body: "Which orders?", quote: "the professional orders" } },
      { token: cast.member.token },
    );
    const rootId = root.data?.addDeliverableComment.id;
    expect(root.data?.addDeliverableComment).toMatchObject({ quote: "the professional orders", parentId: null });
    const reply = await gql(
      server.url,
      COMMENT,
      { i: { parentId: rootId, body: "All four." } },
      { token: cast.editor.token },
    );
    expect(reply.data?.addDeliverableComment).toMatchObject({ parentId: rootId });
    const replyToReply = await gql(
      server.url,
      COMMENT,
      { i: { parentId: reply.data?.addDeliverableComment.id, body: "Thanks" } },
      { token: cast.member.token },
    );
    expect(errorCode(replyToReply)).toBe("BAD_USER_INPUT");

    expect(errorCode(await gql(server.url, RESOLVE, { id: rootId }, { token: cast.coEditor.token }))).toBeUndefined();
    expect(errorCode(await gql(server.url, RESOLVE, { id: rootId, r: false }, { token: cast.facilitator.token }))).toBe(
      "FORBIDDEN",
    );
    const threads = await gql(server.url, THREADS, { id: doc.id }, { token: cast.member.token });
    expect(threads.data?.deliverable.sections[0].comments).toMatchObject([
      { body: "Which orders?", resolved: true, author: { id: cast.member.id }, replies: [{ body: "All four." }] },
    ]);
  });

  it("comments on an amendment", async () => {
    const { amendmentId, doc } = await proposal();
    const res = await gql(server.url, COMMENT, { i: { amendmentId, body: "I agree" } }, { token: cast.coEditor.token });
    expect(res.errors).toBeUndefined();
    const read = await gql(
      server.url,
      `query($id: ID!) { deliverable(id: $id) { amendments { comments { body } } } }`,
      { id: doc.id },
      { token: cast.member.token },
    );
    expect(read.data?.deliverable.amendments[0].comments).toEqual([{ body: "I agree" }]);
  });
});
