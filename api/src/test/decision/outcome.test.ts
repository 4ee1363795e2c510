import { deliverableEditors, deliverables } from "@pratica/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { refusedUnchanged } from "../admin/support.js";
import type { TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { as, buildCast, CLOSE, createDecision, NOW, PUBLISH, TABLES, VOTE } from "./support.js";

const server = useTestServer({}, undefined, { decisionsClock: () => NOW });
const ask = as(server);

async function documentInReview(c: Awaited<ReturnType<typeof buildCast>>, editor: TestUser) {
  const [doc] = await server.db
    .insert(deliverables)
    .values({ communityId: c.community.id, creatorId: editor.id, title: "Pro bono guidelines", status: "REVIEW" })
    .returning();
  if (!doc) throw new Error("no document");
  await server.db
    .insert(deliverableEditors)
    .values({ deliverableId: doc.id, communityId: c.community.id, userId: editor.id, addedBy: editor.id });
  return doc;
}

async function closedConsent(
  c: Awaited<ReturnType<typeof buildCast>>,
  author: TestUser,
  deliverableId: string,
  positions: string[],
) {
  const d = await createDecision(server, author, {
    deliverableId,
    title: "Approve?",
    kind: "CONSENT",
    moveDeliverableTo: "APPROVED",
  });
  const voters = [c.member, c.other, c.facilitator];
  for (const [i, consent] of positions.entries()) {
    await ask(voters[i], VOTE, { i: { decisionId: d.id, consent, reason: consent === "BLOCK" ? "No" : undefined } });
  }
  return (await ask(author, CLOSE, { i: { decisionId: d.id, expectedVersion: d.version } })).data?.closeDecision;
}

const status = async (id: string) =>
  (await server.db.select().from(deliverables).where(eq(deliverables.id, id)))[0]?.status;

describe("publishing the outcome of a consent on a document", () => {
  it("moves the document (REVIEW → APPROVED) when the consent passed, published by an editor", async () => {
    const c = await buildCast(server);
    const doc = await documentInReview(c, c.author);
    const closed = await closedConsent(c, c.author, doc.id, ["AGREE", "AGREE"]);
    const res = await ask(c.author, PUBLISH, {
      i: { decisionId: closed.id, expectedVersion: closed.version, text: "Approved." },
    });
    expect(res.errors).toBeUndefined();
    expect(await status(doc.id)).toBe("APPROVED");
    const docRead = await ask(c.member, `query($id: ID!) { deliverable(id: $id) { status decisions { id state } } }`, {
      id: doc.id,
    });
    expect(docRead.data?.deliverable).toEqual({
      status: "APPROVED",
      decisions: [{ id: closed.id, state: "OUTCOME_PUBLISHED" }],
    });
  });

  it("a facilitator who is not an editor moves it too; an author who is neither is refused, changing nothing", async () => {
    const c = await buildCast(server);
    const doc = await documentInReview(c, c.other);
    const closed = await closedConsent(c, c.author, doc.id, ["AGREE"]);
    const i = { decisionId: closed.id, expectedVersion: closed.version, text: "Approved." };
    await refusedUnchanged(server.db, [...TABLES, "deliverables"], () => ask(c.author, PUBLISH, { i }), "FORBIDDEN");
    expect((await ask(c.facilitator, PUBLISH, { i })).errors).toBeUndefined();
    expect(await status(doc.id)).toBe("APPROVED");
  });

  it("a blocked consent publishes its outcome and leaves the document where it was", async () => {
    const c = await buildCast(server);
    const doc = await documentInReview(c, c.author);
    const closed = await closedConsent(c, c.author, doc.id, ["AGREE", "BLOCK"]);
    const res = await ask(c.author, PUBLISH, {
      i: { decisionId: closed.id, expectedVersion: closed.version, text: "Blocked: we revise." },
    });
    expect(res.data?.publishOutcome.state).toBe("OUTCOME_PUBLISHED");
    expect(await status(doc.id)).toBe("REVIEW");
  });

  it("the document's own rule applies: a document no longer in REVIEW cannot jump, CONFLICT, nothing changes", async () => {
    const c = await buildCast(server);
    const doc = await documentInReview(c, c.author);
    const closed = await closedConsent(c, c.author, doc.id, ["AGREE"]);
    await server.db.update(deliverables).set({ status: "DRAFT" }).where(eq(deliverables.id, doc.id));
    const i = { decisionId: closed.id, expectedVersion: closed.version, text: "Approved." };
    await refusedUnchanged(server.db, [...TABLES, "deliverables"], () => ask(c.author, PUBLISH, { i }), "CONFLICT");
  });
});
