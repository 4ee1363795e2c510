import { deliverableEvents, deliverables } from "@pratica/db";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestServer } from "../fixture.js";
import { buildCast, buildDocument, buildOrganization, type Cast, errorCode, gql, mustOk } from "./setup.js";

const server = useTestServer();
let cast: Cast;
beforeAll(async () => {
  cast = await buildCast(server);
});

const eventCount = async () =>
  (await server.db.select({ n: sql<number>`count(*)::int` }).from(deliverableEvents))[0]?.n;

/** Every deliverable mutation, aimed at a document in REVIEW with an open amendment and a comment. */
async function everyMutation() {
  const doc = await buildDocument(server, cast, "REVIEW");
  const [first, second] = doc.sections as { id: string }[];
  const amendment = await mustOk(
    gql(
      server.url,
      `mutation($i: ProposeAmendmentInput!) { proposeAmendment(input: $i) { id } }`,
      { i: { sectionId: first?.id, body: "Other words.", rationale: "Why not." } },
      { token: cast.coEditor.token },
    ),
  );
  const comment = await mustOk(
    gql(
      server.url,
      `mutation($i: AddDeliverableCommentInput!) { addDeliverableComment(input: $i) { id } }`,
      { i: { sectionId: first?.id, body: "A thought." } },
      { token: cast.coEditor.token },
    ),
  );
  const org = await buildOrganization(server, cast.coEditor);
  const amendmentId = amendment.data?.proposeAmendment.id;
  const commentId = comment.data?.addDeliverableComment.id;
  const v = doc.version;
  const calls: [editorOnly: boolean, query: string, variables: Record<string, unknown>][] = [
    [
      false,
      `mutation($i: CreateDeliverableInput!) { createDeliverable(input: $i) { id } }`,
      { i: { communityId: cast.community.id, title: "Another" } },
    ],
    [
      true,
      `mutation($i: UpdateDeliverableInput!) { updateDeliverable(input: $i) { id } }`,
      { i: { deliverableId: doc.id, title: "New", expectedVersion: v } },
    ],
    [
      true,
      `mutation($i: SetDeliverableStatusInput!) { setDeliverableStatus(input: $i) { id } }`,
      { i: { deliverableId: doc.id, status: "APPROVED" } },
    ],
    [
      true,
      `mutation($i: DeliverableEditorInput!) { addDeliverableEditor(input: $i) { id } }`,
      { i: { deliverableId: doc.id, userId: cast.member.id } },
    ],
    [
      true,
      `mutation($i: DeliverableEditorInput!) { removeDeliverableEditor(input: $i) { id } }`,
      { i: { deliverableId: doc.id, userId: cast.coEditor.id } },
    ],
    [
      true,
      `mutation($i: SetDeliverableOrganizationsInput!) { setDeliverableOrganizations(input: $i) { id } }`,
      { i: { deliverableId: doc.id, organizationIds: [org.id] } },
    ],
    [
      true,
      `mutation($i: AddSectionInput!) { addSection(input: $i) { id } }`,
      { i: { deliverableId: doc.id, heading: "More", expectedVersion: v } },
    ],
    [
      true,
      `mutation($i: RemoveSectionInput!) { removeSection(input: $i) { id } }`,
      { i: { sectionId: second?.id, expectedVersion: v } },
    ],
    [
      true,
      `mutation($i: ReorderSectionsInput!) { reorderSections(input: $i) { id } }`,
      { i: { deliverableId: doc.id, sectionIds: [second?.id, first?.id], expectedVersion: v } },
    ],
    [
      true,
      `mutation($i: EditSectionInput!) { editSection(input: $i) { id } }`,
      { i: { sectionId: first?.id, body: "Mine", expectedVersion: 1 } },
    ],
    [
      true,
      `mutation($i: RestoreSectionRevisionInput!) { restoreSectionRevision(input: $i) { id } }`,
      { i: { sectionId: first?.id, version: 1, expectedVersion: 1 } },
    ],
    [
      false,
      `mutation($i: ProposeAmendmentInput!) { proposeAmendment(input: $i) { id } }`,
      { i: { sectionId: first?.id, body: "Yet other words.", rationale: "Because." } },
    ],
    [true, `mutation($i: AcceptAmendmentInput!) { acceptAmendment(input: $i) { id } }`, { i: { amendmentId } }],
    [
      true,
      `mutation($i: RejectAmendmentInput!) { rejectAmendment(input: $i) { id } }`,
      { i: { amendmentId, reason: "Not this time." } },
    ],
    [true, `mutation($id: ID!) { withdrawAmendment(amendmentId: $id) { id } }`, { id: amendmentId }],
    [
      false,
      `mutation($i: AddDeliverableCommentInput!) { addDeliverableComment(input: $i) { id } }`,
      { i: { sectionId: first?.id, body: "Me too." } },
    ],
    [true, `mutation($id: ID!) { resolveDeliverableComment(commentId: $id) { id } }`, { id: commentId }],
    [
      true,
      `mutation($i: EndorseDeliverableInput!) { endorseDeliverable(input: $i) { id } }`,
      { i: { deliverableId: doc.id, organizationId: org.id } },
    ],
    [
      true,
      `mutation($i: WithdrawEndorsementInput!) { withdrawEndorsement(input: $i) { id } }`,
      { i: { deliverableId: doc.id, organizationId: org.id } },
    ],
    [false, `mutation($id: ID!) { updatePresence(deliverableId: $id) }`, { id: doc.id }],
    [false, `mutation($id: ID!) { leaveDeliverable(deliverableId: $id) }`, { id: doc.id }],
  ];
  return { doc, calls };
}

describe("deliverable mutations", () => {
  it("every one requires login, and a refusal changes nothing", async () => {
    const { doc, calls } = await everyMutation();
    const before = await eventCount();
    for (const [, query, variables] of calls) {
      expect(errorCode(await gql(server.url, query, variables)), query).toBe("UNAUTHENTICATED");
    }
    expect(await eventCount()).toBe(before);
    const [row] = await server.db.select().from(deliverables).where(eq(deliverables.id, doc.id));
    expect(row).toMatchObject({ status: "REVIEW", version: doc.version, title: "Manifesto for Impact" });
  });

  it("someone outside the community is told the draft does not exist, and changes nothing", async () => {
    const { calls } = await everyMutation();
    const before = await eventCount();
    for (const [, query, variables] of calls.slice(1)) {
      expect(errorCode(await gql(server.url, query, variables, { token: cast.outsider.token })), query).toMatch(
        /NOT_FOUND|FORBIDDEN/,
      );
    }
    expect(await eventCount()).toBe(before);
  });

  it("a member who is not an editor is FORBIDDEN every editor's (or representative's, or proposer's) action", async () => {
    const { calls } = await everyMutation();
    const before = await eventCount();
    for (const [editorOnly, query, variables] of calls) {
      if (!editorOnly) continue;
      expect(errorCode(await gql(server.url, query, variables, { token: cast.member.token })), query).toBe("FORBIDDEN");
    }
    expect(await eventCount()).toBe(before);
  });

  it("unknown and malformed ids are NOT_FOUND, never an internal error", async () => {
    const { calls } = await everyMutation();
    const swap = (v: unknown): unknown =>
      typeof v === "string" && /^[0-9a-f-]{36}$/.test(v)
        ? "not-an-id"
        : Array.isArray(v)
          ? v.map(swap)
          : v && typeof v === "object"
            ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, swap(x)]))
            : v;
    for (const [, query, variables] of calls) {
      const res = await gql(server.url, query, swap(variables) as Record<string, unknown>, {
        token: cast.editor.token,
      });
      expect(errorCode(res), query).toMatch(/NOT_FOUND|BAD_USER_INPUT/);
    }
  });
});

describe("updateDeliverable", () => {
  const UPDATE = `mutation($i: UpdateDeliverableInput!) { updateDeliverable(input: $i) { title summary version } }`;

  it("editors retitle against the document's version; stale and bad input change nothing", async () => {
    const doc = await buildDocument(server, cast);
    const token = { token: cast.coEditor.token };
    const ok = await gql(
      server.url,
      UPDATE,
      { i: { deliverableId: doc.id, title: "Manifesto per l'Impatto", expectedVersion: doc.version } },
      token,
    );
    expect(ok.data?.updateDeliverable).toMatchObject({ title: "Manifesto per l'Impatto", version: doc.version + 1 });
    const stale = await gql(
      server.url,
      UPDATE,
      { i: { deliverableId: doc.id, summary: "Later", expectedVersion: doc.version } },
      token,
    );
    expect(errorCode(stale)).toBe("CONFLICT");
    expect(stale.errors?.[0]?.extensions?.current).toMatchObject({ version: doc.version + 1 });
    const bad = await gql(
      server.url,
      UPDATE,
      { i: { deliverableId: doc.id, title: "x", expectedVersion: doc.version + 1 } },
      token,
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "title" });
    const [row] = await server.db.select().from(deliverables).where(eq(deliverables.id, doc.id));
    expect(row).toMatchObject({ title: "Manifesto per l'Impatto", summary: "What the professional orders commit to." });
  });

  it("an unknown status is BAD_USER_INPUT", async () => {
    const doc = await buildDocument(server, cast);
    const res = await gql(
      server.url,
      `mutation($i: SetDeliverableStatusInput!) { setDeliverableStatus(input: $i) { id } }`,
      { i: { deliverableId: doc.id, status: "FINISHED" } },
      { token: cast.editor.token },
    );
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
  });
});
