import {
  communityMemberships,
  type Database,
  type OrganizationRow,
  organizationMembers,
  organizations,
} from "@pratica/db";
import { and, arrayContains, asc, eq, gt, isNotNull, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Locale } from "../../core/context.js";
import { badInput, DomainError } from "../../core/errors.js";
import { cursorId, decodeCursor, jsonCursor, type PageArgs, pageSize } from "../../core/pagination.js";
import { parseInput } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import { canRead } from "../community/community.policy.js";
import type { CommunityService } from "../community/community.service.js";
import { type DirectoryFilters, directoryFilterRules } from "./partners.rules.js";

export type DirectorySort = "NAME" | "SIGNED_ON";
export type DirectoryPage = {
  nodes: OrganizationRow[];
  cursors: string[];
  hasNextPage: boolean;
  totalCount: number;
};

// NAME cursors carry the row's sort key as the database computed it, so they round-trip exactly.
const nameCursor = jsonCursor(z.tuple([z.literal("N"), z.string().max(400), cursorId]));
const signedCursor = jsonCursor(z.tuple([z.literal("S"), z.iso.date().nullable(), cursorId]));
const encode = (value: unknown[]) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** The name shown in the caller's language (core/localized.ts's rule, in SQL), lower-cased to sort A→Z. */
const nameKey = (locale: Locale): SQL<string> =>
  locale === "it"
    ? sql<string>`lower(coalesce(nullif(btrim(${organizations.nameIt}), ''), ${organizations.name}))`
    : sql<string>`lower(coalesce(nullif(btrim(${organizations.name}), ''), ${organizations.nameIt}))`;

const likeEscaped = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The partner directory (docs/partners.md): filters, two sorts, keyset pages and the total. The
 * filters are read once (`filters`), by the rules the open-data routes share; a community the
 * viewer may not read is refused as an unknown one, so a filter never tells who is in it.
 */
export class DirectoryService {
  readonly mapSettings: { tileUrl: string | null; attribution: string | null };

  constructor(
    private readonly db: Database,
    private readonly community: CommunityService,
    map?: { tileUrl: string | null; attribution: string | null },
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.mapSettings = { tileUrl: map?.tileUrl ?? null, attribution: map?.attribution ?? null };
  }

  /** Today, for the year rule of the open-data routes. */
  now(): Date {
    return this.clock();
  }

  /** The filters of the GraphQL query, checked; BAD_USER_INPUT names the argument. */
  async filters(viewer: Viewer | null, raw: object): Promise<DirectoryFilters> {
    const filters = parseInput(directoryFilterRules(this.clock()), raw);
    if (filters.communityId) await this.readableCommunity(viewer, filters.communityId, "communityId");
    return filters;
  }

  /** The community filter's target, when the viewer may read it; anything else is "no such community". */
  async readableCommunity(viewer: Viewer | null, communityId: string, field: string): Promise<string> {
    const access = await this.community.access(viewer, communityId).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === "NOT_FOUND") return null;
      throw error;
    });
    if (!access || !canRead(access.community, viewer, access.membership)) {
      throw badInput(field, "There is no such community.");
    }
    return access.community.id;
  }

  async communityIdBySlug(viewer: Viewer | null, slug: string, field: string): Promise<string> {
    const community = await this.community.bySlug(slug);
    if (!community) throw badInput(field, "There is no such community.");
    return this.readableCommunity(viewer, community.id, field);
  }

  async page(filters: DirectoryFilters, sort: DirectorySort, args: PageArgs, locale: Locale): Promise<DirectoryPage> {
    const size = pageSize(args.first);
    const where = this.where(filters);
    const key = nameKey(locale);
    let after: SQL | undefined;
    let order: SQL[];
    if (sort === "NAME") {
      const cursor = decodeCursor(nameCursor, args.after);
      if (cursor) after = or(gt(key, cursor[1]), and(eq(key, cursor[1]), gt(organizations.id, cursor[2])));
      order = [asc(key), asc(organizations.id)];
    } else {
      const cursor = decodeCursor(signedCursor, args.after);
      if (cursor) after = afterSigned(cursor[1], cursor[2]);
      order = [sql`${organizations.memorandumSignedOn} desc nulls last`, asc(organizations.id)];
    }
    const [rows, [count]] = await Promise.all([
      this.db
        .select({ row: organizations, key })
        .from(organizations)
        .where(and(where, after))
        .orderBy(...order)
        .limit(size + 1),
      this.db.select({ n: sql<number>`count(*)::int` }).from(organizations).where(where),
    ]);
    const nodes = rows.slice(0, size);
    return {
      nodes: nodes.map((r) => r.row),
      cursors: nodes.map((r) =>
        sort === "NAME" ? encode(["N", r.key, r.row.id]) : encode(["S", r.row.memorandumSignedOn, r.row.id]),
      ),
      hasNextPage: rows.length > size,
      totalCount: count?.n ?? 0,
    };
  }

  /** Every organisation the filters select, in name order: the open-data exports (a few hundred rows). */
  all(filters: DirectoryFilters, locale: Locale): Promise<OrganizationRow[]> {
    return this.db
      .select()
      .from(organizations)
      .where(this.where(filters))
      .orderBy(asc(nameKey(locale)), asc(organizations.id));
  }

  private where(f: DirectoryFilters): SQL | undefined {
    return and(
      f.status === "CURRENT"
        ? isNull(organizations.withdrawnOn)
        : f.status === "FORMER"
          ? isNotNull(organizations.withdrawnOn)
          : undefined,
      f.category ? eq(organizations.category, f.category) : undefined,
      f.theme ? arrayContains(organizations.themes, [f.theme]) : undefined,
      f.sdg ? arrayContains(organizations.sdgs, [f.sdg]) : undefined,
      f.signedYear
        ? and(
            sql`${organizations.memorandumSignedOn} >= ${`${f.signedYear}-01-01`}::date`,
            sql`${organizations.memorandumSignedOn} < ${`${f.signedYear + 1}-01-01`}::date`,
          )
        : undefined,
      f.query
        ? or(
            sql`${organizations.name} ilike ${likeEscaped(f.query)}`,
            sql`${organizations.nameIt} ilike ${likeEscaped(f.query)}`,
          )
        : undefined,
      f.communityId ? takesPartIn(f.communityId) : undefined,
    );
  }
}

/** Its representatives or members are active members of the community. */
const takesPartIn = (communityId: string) =>
  sql`exists (select 1 from ${organizationMembers} join ${communityMemberships}
      on ${communityMemberships.userId} = ${organizationMembers.userId}
      where ${organizationMembers.organizationId} = ${organizations.id}
        and ${communityMemberships.communityId} = ${communityId}::uuid
        and ${communityMemberships.status} = 'ACTIVE')`;

/** After (signed, id) in "newest signature first, unsigned last, then id" order. */
function afterSigned(signed: string | null, id: string): SQL | undefined {
  if (signed === null) return and(isNull(organizations.memorandumSignedOn), gt(organizations.id, id));
  return or(
    lt(organizations.memorandumSignedOn, signed),
    and(eq(organizations.memorandumSignedOn, signed), gt(organizations.id, id)),
    isNull(organizations.memorandumSignedOn),
  );
}
