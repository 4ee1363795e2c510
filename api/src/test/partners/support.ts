import { randomUUID } from "node:crypto";
import {
  type CommunityRow,
  type Database,
  deliverableAuthors,
  deliverables,
  endorsements,
  type OrganizationRow,
  organizationMembers,
  organizations,
  type UserRow,
} from "@pratica/db";
import { gql } from "../client.js";

/** "Now" for the partners module in these tests: the year rule then accepts 2017..2027. */
export const NOW = new Date("2026-06-01T10:00:00.000Z");

/** A tag unique to one test: names carry it, and `query: tag` keeps the test's rows apart from the file's others. */
export const tagged = () => `t${randomUUID().slice(0, 8)}`;

export async function buildPartner(
  db: Database,
  tag: string,
  overrides: Partial<typeof organizations.$inferInsert> = {},
): Promise<OrganizationRow> {
  const n = randomUUID().slice(0, 6);
  const [row] = await db
    .insert(organizations)
    .values({
      slug: `${tag}-${n}`,
      name: `${tag} Partner ${n}`,
      nameIt: `${tag} Partner ${n}`,
      category: "PRIVATE_SECTOR",
      ...overrides,
    })
    .returning();
  if (!row) throw new Error("organization not created");
  return row;
}

export async function link(db: Database, o: OrganizationRow, u: UserRow, role: "REPRESENTATIVE" | "MEMBER") {
  await db.insert(organizationMembers).values({ organizationId: o.id, userId: u.id, role });
}

/** A document of `community` by `creator`, co-authored or endorsed by `o` as asked. */
export async function buildDocumentOf(
  db: Database,
  community: CommunityRow,
  creator: UserRow,
  o: OrganizationRow,
  how: { coAuthor?: boolean; endorse?: boolean; status?: "DRAFT" | "PUBLISHED"; title?: string },
) {
  const [d] = await db
    .insert(deliverables)
    .values({
      communityId: community.id,
      creatorId: creator.id,
      title: how.title ?? `Document ${randomUUID().slice(0, 6)}`,
      status: how.status ?? "PUBLISHED",
    })
    .returning();
  if (!d) throw new Error("deliverable not created");
  if (how.coAuthor)
    await db
      .insert(deliverableAuthors)
      .values({ deliverableId: d.id, organizationId: o.id, communityId: community.id });
  if (how.endorse)
    await db
      .insert(endorsements)
      .values({ deliverableId: d.id, organizationId: o.id, communityId: community.id, endorserId: creator.id });
  return d;
}

export const DIRECTORY = `query($first: Int, $after: String, $category: OrganizationCategory, $theme: String, $sdg: Int,
  $communityId: ID, $signedYear: Int, $status: PartnerStatus, $sort: OrganizationSort, $query: String) {
  organizations(first: $first, after: $after, category: $category, theme: $theme, sdg: $sdg, communityId: $communityId,
    signedYear: $signedYear, status: $status, sort: $sort, query: $query) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id slug name isFormerPartner } }
  } }`;

type Page = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { slug: string } }[];
};

/** Every slug the directory lists for `variables`, walking the pages of `first`. */
export async function walk(
  url: string,
  variables: Record<string, unknown>,
  first: number,
  options: { token?: string; headers?: Record<string, string> } = {},
): Promise<{ slugs: string[]; totalCount: number; pages: number }> {
  const slugs: string[] = [];
  let after: string | null = null;
  let pages = 0;
  let totalCount = 0;
  for (;;) {
    const res = await gql<{ organizations: Page }>(url, DIRECTORY, { ...variables, first, after }, options);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    const page = res.data?.organizations as Page;
    pages++;
    totalCount = page.totalCount;
    slugs.push(...page.edges.map((e) => e.node.slug));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
    if (pages > 100) throw new Error("too many pages");
  }
  return { slugs, totalCount, pages };
}
