import { type CommunityRow, deliverables, organizationMembers, organizations } from "@pratica/db";
import { eq } from "drizzle-orm";
import { errorCode, gql } from "../client.js";
import { addMember, buildCommunity, buildUser, type TestUser } from "../factories.js";
import type { TestServer } from "../server.js";

export const CREATE = `mutation($i: CreateDeliverableInput!) { createDeliverable(input: $i) {
  id status version sections { id heading body version } editors { id } } }`;
export const EDIT = `mutation($i: EditSectionInput!) { editSection(input: $i) { id body heading version } }`;
export const STATUS = `mutation($i: SetDeliverableStatusInput!) { setDeliverableStatus(input: $i) { id status version } }`;
export const READ = `query($id: ID!) { deliverable(id: $id) {
  id title status version sections { id heading body version }
  endorsements { organization { id } statement }
} }`;

/** The cast of a co-authoring story: two editors, a member, a pending member, an outsider, an admin. */
export type Cast = {
  community: CommunityRow;
  editor: TestUser;
  coEditor: TestUser;
  member: TestUser;
  pending: TestUser;
  outsider: TestUser;
  admin: TestUser;
  facilitator: TestUser;
};

export async function buildCast(server: TestServer, visibility: "PUBLIC" | "MEMBERS" = "PUBLIC"): Promise<Cast> {
  const community = await buildCommunity(server.db, { visibility });
  const [editor, coEditor, member, pending, outsider, facilitator] = await Promise.all(
    Array.from({ length: 6 }, () => buildUser(server.db)),
  );
  const admin = await buildUser(server.db, { role: "ADMIN" });
  const cast = { community, editor, coEditor, member, pending, outsider, admin, facilitator } as Cast;
  await addMember(server.db, community, cast.editor);
  await addMember(server.db, community, cast.coEditor);
  await addMember(server.db, community, cast.member);
  await addMember(server.db, community, cast.pending, "MEMBER", "PENDING");
  await addMember(server.db, community, cast.facilitator, "FACILITATOR");
  return cast;
}

export type Doc = { id: string; version: number; sections: { id: string; body: string; version: number }[] };

/** A document by `cast.editor`, with `cast.coEditor` invited, in the given status. */
export async function buildDocument(
  server: TestServer,
  cast: Cast,
  status: "DRAFT" | "REVIEW" | "APPROVED" | "PUBLISHED" | "ARCHIVED" = "DRAFT",
): Promise<Doc> {
  const created = await gql(
    server.url,
    CREATE,
    {
      i: {
        communityId: cast.community.id,
        title: "Manifesto for Impact",
        summary: "What the professional orders commit to.",
        sections: [
          { heading: "Preamble", body: "We, the professional orders, believe in impact." },
          { heading: "Principles", body: "Transparency. Measurability. Accountability." },
        ],
      },
    },
    { token: cast.editor.token },
  );
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  const doc = created.data?.createDeliverable as Doc;
  await mustOk(
    gql(
      server.url,
      `mutation($i: DeliverableEditorInput!) { addDeliverableEditor(input: $i) { id } }`,
      { i: { deliverableId: doc.id, userId: cast.coEditor.id } },
      { token: cast.editor.token },
    ),
  );
  const path = ["DRAFT", "REVIEW", "APPROVED", "PUBLISHED", "ARCHIVED"];
  for (const next of path.slice(1, path.indexOf(status) + 1)) {
    await mustOk(gql(server.url, STATUS, { i: { deliverableId: doc.id, status: next } }, { token: cast.editor.token }));
  }
  const [row] = await server.db.select().from(deliverables).where(eq(deliverables.id, doc.id));
  return { ...doc, version: row?.version ?? doc.version };
}

/** An organisation with `user` as its REPRESENTATIVE (and optionally a plain member). */
export async function buildOrganization(server: TestServer, representative: TestUser, member?: TestUser) {
  const slug = `org-${representative.id.slice(0, 8)}-${Math.random().toString(36).slice(2, 6)}`;
  const [org] = await server.db
    .insert(organizations)
    .values({ slug, name: `Order ${slug}`, category: "PROFESSIONAL_ORDERS" })
    .returning();
  if (!org) throw new Error("organization not created");
  await server.db
    .insert(organizationMembers)
    .values({ organizationId: org.id, userId: representative.id, role: "REPRESENTATIVE" });
  if (member) await server.db.insert(organizationMembers).values({ organizationId: org.id, userId: member.id });
  return org;
}

export async function mustOk<T extends { errors?: unknown }>(result: Promise<T>): Promise<T> {
  const r = await result;
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r;
}

export { errorCode, gql };
