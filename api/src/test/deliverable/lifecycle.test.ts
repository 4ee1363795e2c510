import { deliverableEvents, deliverables } from "@pratica/db";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { GqlResult } from "../client.js";
import { useTestServer } from "../fixture.js";
import {
  buildCast,
  buildDocument,
  buildOrganization,
  type Cast,
  CREATE,
  errorCode,
  gql,
  READ,
  STATUS,
} from "./setup.js";

const server = useTestServer();
let cast: Cast;
beforeAll(async () => {
  cast = await buildCast(server);
});

const count = async () => (await server.db.select({ n: sql<number>`count(*)::int` }).from(deliverables))[0]?.n;
const tokenOf = (who: keyof Omit<Cast, "community"> | "anonymous") =>
  who === "anonymous" ? undefined : cast[who].token;

describe("createDeliverable", () => {
  it("an active member creates a document with its sections and becomes its editor", async () => {
    const res = await gql(
      server.url,
      CREATE,
      { i: { communityId: cast.community.id, title: "Manifesto", sections: [{ heading: "One", body: "Text" }] } },
      { token: cast.member.token },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.createDeliverable).toMatchObject({
      status: "DRAFT",
      version: 1,
      sections: [{ heading: "One", body: "Text", version: 1 }],
      editors: [{ id: cast.member.id }],
    });
  });

  it.each([
    ["anonymous", "UNAUTHENTICATED"],
    ["outsider", "FORBIDDEN"],
    ["pending", "FORBIDDEN"],
  ] as const)("refuses %s with %s and creates nothing", async (who, code) => {
    const before = await count();
    const res = await gql(
      server.url,
      CREATE,
      { i: { communityId: cast.community.id, title: "Manifesto" } },
      { token: tokenOf(who) },
    );
    expect(errorCode(res)).toBe(code);
    expect(await count()).toBe(before);
  });

  it.each([
    ["title", { title: "x" }],
    ["title", { title: "x".repeat(201) }],
    ["summary", { summary: "x".repeat(2001) }],
    ["sections.0.heading", { sections: [{ heading: " " }] }],
    ["sections.0.body", { sections: [{ heading: "h", body: "x".repeat(100_001) }] }],
  ])("refuses a bad %s with BAD_USER_INPUT naming it", async (field, change) => {
    const before = await count();
    const res = await gql(
      server.url,
      CREATE,
      { i: { communityId: cast.community.id, title: "Manifesto", ...change } },
      { token: cast.member.token },
    );
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
    expect(await count()).toBe(before);
  });

  it("an unknown community is NOT_FOUND", async () => {
    const res = await gql(
      server.url,
      CREATE,
      { i: { communityId: "00000000-0000-4000-8000-000000000000", title: "Manifesto" } },
      { token: cast.member.token },
    );
    expect(errorCode(res)).toBe("NOT_FOUND");
  });
});

describe("lifecycle", () => {
  const statuses = ["DRAFT", "REVIEW", "APPROVED", "PUBLISHED", "ARCHIVED"] as const;
  const allowed = new Set([
    "DRAFT>REVIEW",
    "REVIEW>DRAFT",
    "REVIEW>APPROVED",
    "APPROVED>REVIEW",
    "APPROVED>PUBLISHED",
    "PUBLISHED>ARCHIVED",
  ]);
  const cases = statuses.flatMap((from) => statuses.map((to) => [from, to] as const));

  it.each(cases)("%s → %s by an editor", async (from, to) => {
    const doc = await buildDocument(server, cast, from);
    const res = await gql(
      server.url,
      STATUS,
      { i: { deliverableId: doc.id, status: to } },
      { token: cast.coEditor.token },
    );
    const [row] = await server.db.select().from(deliverables).where(eq(deliverables.id, doc.id));
    if (allowed.has(`${from}>${to}`)) {
      expect(res.errors).toBeUndefined();
      expect(res.data?.setDeliverableStatus).toMatchObject({ status: to, version: doc.version + 1 });
      expect(row?.status).toBe(to);
    } else {
      expect(errorCode(res)).toBe("CONFLICT");
      expect(res.errors?.[0]?.extensions?.current).toMatchObject({ status: from });
      expect(row).toMatchObject({ status: from, version: doc.version });
    }
  });

  it.each([
    ["anonymous", "UNAUTHENTICATED"],
    ["outsider", "NOT_FOUND"],
    ["pending", "NOT_FOUND"],
    ["member", "FORBIDDEN"],
    ["facilitator", "FORBIDDEN"],
    ["admin", "FORBIDDEN"],
  ] as const)("%s may not move it: %s, nothing changes", async (who, code) => {
    const doc = await buildDocument(server, cast, "DRAFT");
    const res = await gql(
      server.url,
      STATUS,
      { i: { deliverableId: doc.id, status: "REVIEW" } },
      { token: tokenOf(who) },
    );
    expect(errorCode(res)).toBe(code);
    const [row] = await server.db.select().from(deliverables).where(eq(deliverables.id, doc.id));
    expect(row?.status).toBe("DRAFT");
  });

  it("records a StatusChanged event per move and sets publishedAt once", async () => {
    const doc = await buildDocument(server, cast, "PUBLISHED");
    const events = await server.db.select().from(deliverableEvents).where(eq(deliverableEvents.deliverableId, doc.id));
    expect(events.filter((e) => e.type === "STATUS_CHANGED")).toHaveLength(3);
    const [row] = await server.db.select().from(deliverables).where(eq(deliverables.id, doc.id));
    expect(row?.publishedAt).toBeInstanceOf(Date);
  });
});

describe("visibility", () => {
  it.each([
    ["anonymous", "DRAFT", "NOT_FOUND"],
    ["outsider", "DRAFT", "NOT_FOUND"],
    ["pending", "REVIEW", "NOT_FOUND"],
    ["member", "DRAFT", null],
    ["admin", "APPROVED", null],
    ["anonymous", "PUBLISHED", null],
    ["outsider", "ARCHIVED", null],
  ] as const)("%s reading a %s document: %s", async (who, status, code) => {
    const doc = await buildDocument(server, cast, status);
    const res = await gql(server.url, READ, { id: doc.id }, { token: tokenOf(who) });
    if (code) expect(errorCode(res)).toBe(code);
    else expect(res.data?.deliverable).toMatchObject({ id: doc.id, status });
  });

  it("in a MEMBERS community even a published document is for members only", async () => {
    const closed = await buildCast(server, "MEMBERS");
    const doc = await buildDocument(server, closed, "PUBLISHED");
    expect(errorCode(await gql(server.url, READ, { id: doc.id }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await gql(server.url, READ, { id: doc.id }, { token: closed.outsider.token }))).toBe("FORBIDDEN");
    expect((await gql(server.url, READ, { id: doc.id }, { token: closed.member.token })).data?.deliverable?.id).toBe(
      doc.id,
    );
  });

  it("lists drafts to members only; anonymous readers see published documents", async () => {
    const fresh = await buildCast(server);
    const draft = await buildDocument(server, fresh, "DRAFT");
    const published = await buildDocument(server, fresh, "PUBLISHED");
    const LIST = `query($slug: String!) { community(slug: $slug) { deliverables(first: 10) { totalCount edges { node { id } } } } }`;
    const ids = (r: GqlResult) => r.data?.community.deliverables.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids(await gql(server.url, LIST, { slug: fresh.community.slug }))).toEqual([published.id]);
    expect(ids(await gql(server.url, LIST, { slug: fresh.community.slug }, { token: fresh.member.token }))).toEqual([
      published.id,
      draft.id,
    ]);
  });
});

describe("editors and co-authors", () => {
  const ADD = `mutation($i: DeliverableEditorInput!) { addDeliverableEditor(input: $i) { editors { id } } }`;
  const REMOVE = `mutation($i: DeliverableEditorInput!) { removeDeliverableEditor(input: $i) { editors { id } } }`;
  const ORGS = `mutation($i: SetDeliverableOrganizationsInput!) { setDeliverableOrganizations(input: $i) { organizations { id } } }`;

  it("editors invite active members only, and a document keeps its last editor", async () => {
    const doc = await buildDocument(server, cast);
    const i = (userId: string) => ({ i: { deliverableId: doc.id, userId } });
    expect(errorCode(await gql(server.url, ADD, i(cast.outsider.id), { token: cast.editor.token }))).toBe(
      "BAD_USER_INPUT",
    );
    expect(errorCode(await gql(server.url, ADD, i(cast.pending.id), { token: cast.editor.token }))).toBe(
      "BAD_USER_INPUT",
    );
    expect(errorCode(await gql(server.url, ADD, i(cast.member.id), { token: cast.member.token }))).toBe("FORBIDDEN");
    expect(errorCode(await gql(server.url, ADD, i(cast.member.id)))).toBe("UNAUTHENTICATED");
    const added = await gql(server.url, ADD, i(cast.member.id), { token: cast.editor.token });
    expect(added.data?.addDeliverableEditor.editors).toHaveLength(3);
    await gql(server.url, REMOVE, i(cast.member.id), { token: cast.editor.token });
    await gql(server.url, REMOVE, i(cast.coEditor.id), { token: cast.editor.token });
    const last = await gql(server.url, REMOVE, i(cast.editor.id), { token: cast.editor.token });
    expect(errorCode(last)).toBe("CONFLICT");
  });

  it("editors name the co-authoring organisations; unknown ones are refused", async () => {
    const doc = await buildDocument(server, cast);
    const [a, b] = [await buildOrganization(server, cast.member), await buildOrganization(server, cast.coEditor)];
    const set = await gql(
      server.url,
      ORGS,
      { i: { deliverableId: doc.id, organizationIds: [a.id, b.id, a.id] } },
      { token: cast.editor.token },
    );
    expect(set.data?.setDeliverableOrganizations.organizations.map((o: { id: string }) => o.id).sort()).toEqual(
      [a.id, b.id].sort(),
    );
    const bad = await gql(
      server.url,
      ORGS,
      { i: { deliverableId: doc.id, organizationIds: ["00000000-0000-4000-8000-000000000000"] } },
      { token: cast.editor.token },
    );
    expect(errorCode(bad)).toBe("BAD_USER_INPUT");
    const forbidden = await gql(
      server.url,
      ORGS,
      { i: { deliverableId: doc.id, organizationIds: [] } },
      { token: cast.member.token },
    );
    expect(errorCode(forbidden)).toBe("FORBIDDEN");
  });
});
