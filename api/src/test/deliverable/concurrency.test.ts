import { amendments, deliverableComments, deliverableEvents } from "@pratica/db";
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { addMember, buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { buildCast, buildDocument, gql } from "./setup.js";

// Writes to one document at once: `DeliverableService.mutate` locks the document row before any
// child row is written, so on PostgreSQL they queue instead of deadlocking on the foreign keys'
// KEY SHARE locks. On PGlite the requests simply run one after another.

const COMMENT = `mutation($i: AddDeliverableCommentInput!) { addDeliverableComment(input: $i) { id } }`;
const PROPOSE = `mutation($i: ProposeAmendmentInput!) { proposeAmendment(input: $i) { id } }`;

const server = useTestServer();

const eventsOf = (deliverableId: string, type: "COMMENT_ADDED" | "AMENDMENT_PROPOSED") =>
  server.db
    .select()
    .from(deliverableEvents)
    .where(and(eq(deliverableEvents.deliverableId, deliverableId), eq(deliverableEvents.type, type)))
    .orderBy(asc(deliverableEvents.id));

describe("concurrent writes to one document", () => {
  it("30 comments and 10 amendments at once by different members: all accepted, one event each", async () => {
    const cast = await buildCast(server);
    const doc = await buildDocument(server, cast, "REVIEW");
    const section = doc.sections[0];
    if (!section) throw new Error("the document has no section");
    const members = await Promise.all(Array.from({ length: 40 }, () => buildUser(server.db)));
    for (const m of members) await addMember(server.db, cast.community, m);

    const results = await Promise.all(
      members.map((m, i) =>
        i < 30
          ? gql(server.url, COMMENT, { i: { sectionId: section.id, body: `comment ${i}` } }, { token: m.token })
          : gql(
              server.url,
              PROPOSE,
              { i: { sectionId: section.id, body: `text ${i}`, rationale: `reason ${i}` } },
              { token: m.token },
            ),
      ),
    );

    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const comments = await server.db
      .select({ id: deliverableComments.id })
      .from(deliverableComments)
      .where(eq(deliverableComments.deliverableId, doc.id));
    const proposed = await server.db
      .select({ id: amendments.id })
      .from(amendments)
      .where(eq(amendments.deliverableId, doc.id));
    expect(comments).toHaveLength(30);
    expect(proposed).toHaveLength(10);
    const ids = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));
    expect(ids((await eventsOf(doc.id, "COMMENT_ADDED")).map((e) => ({ id: e.subjectId ?? "" })))).toEqual(
      ids(comments),
    );
    expect(ids((await eventsOf(doc.id, "AMENDMENT_PROPOSED")).map((e) => ({ id: e.subjectId ?? "" })))).toEqual(
      ids(proposed),
    );
  });
});
