import { deliverables, sectionRevisions, sections } from "@pratica/db";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestServer } from "../fixture.js";
import { buildCast, buildDocument, type Cast, EDIT, errorCode, gql } from "./setup.js";

const server = useTestServer();
let cast: Cast;
beforeAll(async () => {
  cast = await buildCast(server);
});

const revisionsOf = (sectionId: string) =>
  server.db
    .select()
    .from(sectionRevisions)
    .where(eq(sectionRevisions.sectionId, sectionId))
    .orderBy(sectionRevisions.version);
const sectionRow = async (id: string) => (await server.db.select().from(sections).where(eq(sections.id, id)))[0];

describe("editSection", () => {
  it("an editor's change is a new version and a revision with who and when", async () => {
    const doc = await buildDocument(server, cast);
    const section = doc.sections[0] as { id: string; version: number };
    const res = await gql(
      server.url,
      EDIT,
      {
        i: {
          sectionId: section.id,
          body: "We believe in measurable impact.",
          heading: "Preambolo",
          expectedVersion: 1,
        },
      },
      { token: cast.coEditor.token },
    );
    expect(res.data?.editSection).toMatchObject({
      version: 2,
      body: "We believe in measurable impact.",
      heading: "Preambolo",
    });
    const revisions = await revisionsOf(section.id);
    expect(revisions.map((r) => [r.version, r.authorId, r.editorId])).toEqual([
      [1, cast.editor.id, cast.editor.id],
      [2, cast.coEditor.id, cast.coEditor.id],
    ]);
  });

  it("a stale expectedVersion is CONFLICT carrying the current version and body, and changes nothing", async () => {
    const doc = await buildDocument(server, cast);
    const section = doc.sections[0] as { id: string };
    await gql(
      server.url,
      EDIT,
      { i: { sectionId: section.id, body: "First", expectedVersion: 1 } },
      { token: cast.editor.token },
    );
    const stale = await gql(
      server.url,
      EDIT,
      { i: { sectionId: section.id, body: "Second", expectedVersion: 1 } },
      { token: cast.coEditor.token },
    );
    expect(errorCode(stale)).toBe("CONFLICT");
    expect(stale.errors?.[0]?.extensions?.current).toMatchObject({ sectionId: section.id, version: 2, body: "First" });
    expect(await sectionRow(section.id)).toMatchObject({ version: 2, body: "First" });
    expect(await revisionsOf(section.id)).toHaveLength(2);
  });

  it("20 concurrent edits from the same version: exactly one wins, 19 CONFLICT, history holds only the winner", async () => {
    const doc = await buildDocument(server, cast);
    const section = doc.sections[1] as { id: string };
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        gql(
          server.url,
          EDIT,
          { i: { sectionId: section.id, body: `Edit number ${n}`, expectedVersion: 1 } },
          { token: n % 2 ? cast.editor.token : cast.coEditor.token },
        ),
      ),
    );
    const won = results.filter((r) => !r.errors);
    const codes = results.filter((r) => r.errors).map(errorCode);
    expect(won).toHaveLength(1);
    expect(codes).toEqual(Array(19).fill("CONFLICT"));
    const winner = won[0]?.data?.editSection.body;
    const revisions = await revisionsOf(section.id);
    expect(revisions.map((r) => [r.version, r.body])).toEqual([
      [1, "Transparency. Measurability. Accountability."],
      [2, winner],
    ]);
    expect(await sectionRow(section.id)).toMatchObject({ version: 2, body: winner });
  });

  it.each([
    ["anonymous", "UNAUTHENTICATED"],
    ["outsider", "NOT_FOUND"],
    ["pending", "NOT_FOUND"],
    ["member", "FORBIDDEN"],
    ["facilitator", "FORBIDDEN"],
    ["admin", "FORBIDDEN"],
  ] as const)("%s may not edit: %s, nothing changes", async (who, code) => {
    const doc = await buildDocument(server, cast);
    const section = doc.sections[0] as { id: string };
    const token = who === "anonymous" ? undefined : cast[who].token;
    const res = await gql(
      server.url,
      EDIT,
      { i: { sectionId: section.id, body: "Mine", expectedVersion: 1 } },
      { token },
    );
    expect(errorCode(res)).toBe(code);
    expect(await sectionRow(section.id)).toMatchObject({ version: 1 });
  });

  it.each([
    ["body", { body: "x".repeat(100_001) }],
    ["heading", { heading: " " }],
    ["expectedVersion", { expectedVersion: 0 }],
  ])("a bad %s is BAD_USER_INPUT and changes nothing", async (field, change) => {
    const doc = await buildDocument(server, cast);
    const section = doc.sections[0] as { id: string };
    const res = await gql(
      server.url,
      EDIT,
      { i: { sectionId: section.id, body: "ok", expectedVersion: 1, ...change } },
      { token: cast.editor.token },
    );
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
    expect(await sectionRow(section.id)).toMatchObject({ version: 1 });
  });

  it("an unknown section is NOT_FOUND", async () => {
    for (const sectionId of ["nope", "00000000-0000-4000-8000-000000000000"]) {
      const res = await gql(
        server.url,
        EDIT,
        { i: { sectionId, body: "x", expectedVersion: 1 } },
        { token: cast.editor.token },
      );
      expect(errorCode(res)).toBe("NOT_FOUND");
    }
  });

  it.each(["APPROVED", "PUBLISHED", "ARCHIVED"] as const)(
    "the text of an %s document is closed: CONFLICT",
    async (status) => {
      const doc = await buildDocument(server, cast, status);
      const section = doc.sections[0] as { id: string };
      const res = await gql(
        server.url,
        EDIT,
        { i: { sectionId: section.id, body: "Late", expectedVersion: 1 } },
        { token: cast.editor.token },
      );
      expect(errorCode(res)).toBe("CONFLICT");
      expect(res.errors?.[0]?.extensions?.current).toMatchObject({ status });
      expect(await sectionRow(section.id)).toMatchObject({ version: 1 });
    },
  );
});

describe("history", () => {
  const RESTORE = `mutation($i: RestoreSectionRevisionInput!) { restoreSectionRevision(input: $i) { version body } }`;
  const HISTORY = `query($id: ID!, $from: Int!, $to: Int) { deliverable(id: $id) { sections {
    id diff(from: $from, to: $to) { kind text }
    revisions(first: 10) { totalCount edges { node { version body restoredFrom author { id } editor { id } } } }
  } } }`;

  it("shows a word-level diff between any two revisions, and restoring is a new revision", async () => {
    const doc = await buildDocument(server, cast);
    const section = doc.sections[0] as { id: string };
    await gql(
      server.url,
      EDIT,
      { i: { sectionId: section.id, body: "We, the orders, believe in impact.", expectedVersion: 1 } },
      { token: cast.coEditor.token },
    );
    const diff = await gql(server.url, HISTORY, { id: doc.id, from: 1 }, { token: cast.member.token });
    const parts = diff.data?.deliverable.sections[0].diff;
    expect(
      parts
        .filter((p: { kind: string }) => p.kind === "REMOVED")
        .map((p: { text: string }) => p.text)
        .join(""),
    ).toContain("professional");
    expect(
      parts
        .filter((p: { kind: string }) => p.kind !== "ADDED")
        .map((p: { text: string }) => p.text)
        .join(""),
    ).toBe("We, the professional orders, believe in impact.");
    expect(
      parts
        .filter((p: { kind: string }) => p.kind !== "REMOVED")
        .map((p: { text: string }) => p.text)
        .join(""),
    ).toBe("We, the orders, believe in impact.");

    const stale = await gql(
      server.url,
      RESTORE,
      { i: { sectionId: section.id, version: 1, expectedVersion: 1 } },
      { token: cast.editor.token },
    );
    expect(errorCode(stale)).toBe("CONFLICT");
    const missing = await gql(
      server.url,
      RESTORE,
      { i: { sectionId: section.id, version: 9, expectedVersion: 2 } },
      { token: cast.editor.token },
    );
    expect(errorCode(missing)).toBe("BAD_USER_INPUT");
    const byMember = await gql(
      server.url,
      RESTORE,
      { i: { sectionId: section.id, version: 1, expectedVersion: 2 } },
      { token: cast.member.token },
    );
    expect(errorCode(byMember)).toBe("FORBIDDEN");
    const restored = await gql(
      server.url,
      RESTORE,
      { i: { sectionId: section.id, version: 1, expectedVersion: 2 } },
      { token: cast.editor.token },
    );
    expect(restored.data?.restoreSectionRevision).toMatchObject({
      version: 3,
      body: "We, the professional orders, believe in impact.",
    });
    const history = await gql(server.url, HISTORY, { id: doc.id, from: 1 }, { token: cast.member.token });
    const revisions = history.data?.deliverable.sections[0].revisions;
    expect(revisions.totalCount).toBe(3);
    expect(
      revisions.edges.map((e: { node: { version: number; restoredFrom: number | null } }) => [
        e.node.version,
        e.node.restoredFrom,
      ]),
    ).toEqual([
      [3, 1],
      [2, null],
      [1, null],
    ]);
    expect(errorCode(await gql(server.url, HISTORY, { id: doc.id, from: 7 }, { token: cast.member.token }))).toBe(
      "BAD_USER_INPUT",
    );
  });
});

describe("outline", () => {
  const ADD = `mutation($i: AddSectionInput!) { addSection(input: $i) { version sections { heading position } } }`;
  const REMOVE = `mutation($i: RemoveSectionInput!) { removeSection(input: $i) { version sections { heading } } }`;
  const REORDER = `mutation($i: ReorderSectionsInput!) { reorderSections(input: $i) { version sections { id heading } } }`;

  it("editors add, reorder and remove sections against the document's version", async () => {
    const doc = await buildDocument(server, cast);
    const token = { token: cast.editor.token };
    const added = await gql(
      server.url,
      ADD,
      { i: { deliverableId: doc.id, heading: "Commitments", position: 2, expectedVersion: doc.version } },
      token,
    );
    expect(added.data?.addSection.sections.map((s: { heading: string }) => s.heading)).toEqual([
      "Preamble",
      "Commitments",
      "Principles",
    ]);
    const v = added.data?.addSection.version as number;
    expect(
      errorCode(
        await gql(
          server.url,
          ADD,
          { i: { deliverableId: doc.id, heading: "Late", expectedVersion: doc.version } },
          token,
        ),
      ),
    ).toBe("CONFLICT");
    expect(
      errorCode(
        await gql(
          server.url,
          ADD,
          { i: { deliverableId: doc.id, heading: "Mine", expectedVersion: v } },
          { token: cast.member.token },
        ),
      ),
    ).toBe("FORBIDDEN");

    const [first, second] = doc.sections as { id: string }[];
    const bad = await gql(
      server.url,
      REORDER,
      { i: { deliverableId: doc.id, sectionIds: [second?.id, first?.id], expectedVersion: v } },
      token,
    );
    expect(errorCode(bad)).toBe("BAD_USER_INPUT");
    const outline = await gql(
      server.url,
      `query($id: ID!) { deliverable(id: $id) { sections { id } } }`,
      { id: doc.id },
      token,
    );
    const ids = outline.data?.deliverable.sections.map((s: { id: string }) => s.id).reverse();
    const reordered = await gql(
      server.url,
      REORDER,
      { i: { deliverableId: doc.id, sectionIds: ids, expectedVersion: v } },
      token,
    );
    expect(reordered.data?.reorderSections.sections.map((s: { heading: string }) => s.heading)).toEqual([
      "Principles",
      "Commitments",
      "Preamble",
    ]);

    const removed = await gql(server.url, REMOVE, { i: { sectionId: first?.id, expectedVersion: v + 1 } }, token);
    expect(removed.data?.removeSection.sections.map((s: { heading: string }) => s.heading)).toEqual([
      "Principles",
      "Commitments",
    ]);
    // Removed, not deleted: its history stays.
    expect(await revisionsOf(first?.id as string)).toHaveLength(1);
    const [row] = await server.db.select().from(deliverables).where(eq(deliverables.id, doc.id));
    expect(row?.version).toBe(v + 2);
    const count = await server.db
      .select({ n: sql<number>`count(*)::int` })
      .from(sections)
      .where(eq(sections.deliverableId, doc.id));
    expect(count[0]?.n).toBe(3);
  });
});
