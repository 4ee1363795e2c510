import {
  type Database,
  type FundingCallImportRow,
  type FundingCallRow,
  fundingCallFollows,
  fundingCallImports,
  fundingCalls,
  type OrganizationRow,
} from "@pratica/db";
import { PROGRAMMES } from "@pratica/rules";
import {
  and,
  asc,
  desc,
  eq,
  exists,
  gt,
  gte,
  ilike,
  inArray,
  isNull,
  lt,
  lte,
  ne,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import { z } from "zod";
import { unauthenticated } from "../../core/errors.js";
import {
  cursorId,
  cursorTime,
  decodeCursor,
  encodeCursor,
  jsonCursor,
  keysetCursor,
  type Page,
  type PageArgs,
  pageSize,
} from "../../core/pagination.js";
import type { Viewer } from "../../core/viewer.js";
import { type CallFilters, checkFilters } from "./funding-calls.rules.js";
import type { FundingCallSort, FundingCallStatus } from "./funding-calls.type.js";
import { programmesFor } from "./matching.js";

export type CallListArgs = PageArgs &
  CallFilters & {
    status?: FundingCallStatus | null;
    includeArchived?: boolean | null;
    followed?: boolean | null;
    sort?: FundingCallSort | null;
  };

// DEADLINE pages by (deadline, id) with calls without a deadline last: their cursor holds null.
const deadlineCursor = jsonCursor(z.tuple([cursorTime.nullable(), cursorId]));
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Reads of funding calls: all public, so no read rule beyond the filters (archived calls are opt-in). */
export class FundingCallReadService {
  constructor(private readonly db: Database) {}

  async list(viewer: Viewer | null, args: CallListArgs): Promise<{ page: Page<FundingCallRow>; totalCount: number }> {
    const f = checkFilters({
      programme: args.programme,
      theme: args.theme,
      query: args.query,
      deadlineFrom: args.deadlineFrom,
      deadlineTo: args.deadlineTo,
    });
    if (args.followed && !viewer) throw unauthenticated("Log in to see the calls you follow.");
    const q = f.query ? `%${escapeLike(f.query)}%` : null;
    const scope = and(
      args.includeArchived ? undefined : isNull(fundingCalls.archivedAt),
      f.programme ? eq(fundingCalls.programme, f.programme) : undefined,
      args.status ? eq(fundingCalls.status, args.status) : undefined,
      f.deadlineFrom ? gte(fundingCalls.deadlineAt, f.deadlineFrom) : undefined,
      f.deadlineTo ? lte(fundingCalls.deadlineAt, f.deadlineTo) : undefined,
      f.theme ? sql`${fundingCalls.themes} @> array[${f.theme}]::text[]` : undefined,
      q
        ? or(
            ilike(fundingCalls.title, q),
            ilike(fundingCalls.identifier, q),
            ilike(fundingCalls.description, q),
            sql`array_to_string(${fundingCalls.keywords}, ' ') ilike ${q}`,
          )
        : undefined,
      args.followed && viewer
        ? exists(
            this.db
              .select({ one: sql`1` })
              .from(fundingCallFollows)
              .where(and(eq(fundingCallFollows.callId, fundingCalls.id), eq(fundingCallFollows.userId, viewer.id))),
          )
        : undefined,
    );
    return this.page(scope, args);
  }

  /**
   * Calls for an organisation (docs/hub.md, "Matching"): neither closed nor archived, sharing a
   * theme with it, or of a programme that fits its category; soonest deadline first.
   */
  matching(org: OrganizationRow, args: PageArgs): Promise<{ page: Page<FundingCallRow>; totalCount: number }> {
    const programmes = programmesFor(org.category);
    const fits = or(
      org.themes.length ? sql`${fundingCalls.themes} && ${sql.param(org.themes)}::text[]` : undefined,
      programmes.length ? inArray(fundingCalls.programme, [...programmes]) : undefined,
    );
    if (!fits) return Promise.resolve({ page: { nodes: [], cursors: [], hasNextPage: false }, totalCount: 0 });
    return this.page(and(isNull(fundingCalls.archivedAt), ne(fundingCalls.status, "CLOSED"), fits), {
      ...args,
      sort: "DEADLINE",
    });
  }

  private async page(
    scope: SQL | undefined,
    args: PageArgs & { sort?: FundingCallSort | null },
  ): Promise<{ page: Page<FundingCallRow>; totalCount: number }> {
    const size = pageSize(args.first);
    const byUpdate = args.sort === "UPDATED";
    let position: SQL | undefined;
    if (byUpdate) {
      const after = decodeCursor(keysetCursor, args.after);
      position = after
        ? or(
            lt(fundingCalls.updatedAt, after.createdAt),
            and(eq(fundingCalls.updatedAt, after.createdAt), lt(fundingCalls.id, after.id)),
          )
        : undefined;
    } else {
      const after = decodeCursor(deadlineCursor, args.after);
      if (after) {
        const [deadline, id] = after;
        position = deadline
          ? or(
              gt(fundingCalls.deadlineAt, deadline),
              and(eq(fundingCalls.deadlineAt, deadline), gt(fundingCalls.id, id)),
              isNull(fundingCalls.deadlineAt),
            )
          : and(isNull(fundingCalls.deadlineAt), gt(fundingCalls.id, id));
      }
    }
    const order = byUpdate
      ? [desc(fundingCalls.updatedAt), desc(fundingCalls.id)]
      : [sql`${fundingCalls.deadlineAt} asc nulls last`, asc(fundingCalls.id)];
    const [rows, [count]] = await Promise.all([
      this.db
        .select()
        .from(fundingCalls)
        .where(and(scope, position))
        .orderBy(...order)
        .limit(size + 1),
      this.db.select({ n: sql<number>`count(*)::int` }).from(fundingCalls).where(scope),
    ]);
    const nodes = rows.slice(0, size);
    return {
      page: {
        nodes,
        cursors: nodes.map((c) =>
          byUpdate
            ? encodeCursor({ createdAt: c.updatedAt, id: c.id })
            : encode([c.deadlineAt?.toISOString() ?? null, c.id]),
        ),
        hasNextPage: rows.length > size,
      },
      totalCount: count?.n ?? 0,
    };
  }

  /** The programme keys of the calls present (archived ones too), in the vocabulary's order. */
  async programmes(): Promise<string[]> {
    const rows = await this.db.selectDistinct({ p: fundingCalls.programme }).from(fundingCalls);
    const present = new Set(rows.map((r) => r.p));
    return PROGRAMMES.filter((p) => present.has(p));
  }

  /** The import history, latest first (the caller checked the viewer may see it). */
  async imports(args: PageArgs): Promise<{ page: Page<FundingCallImportRow>; totalCount: number }> {
    const size = pageSize(args.first);
    const after = decodeCursor(keysetCursor, args.after);
    const rows = await this.db
      .select()
      .from(fundingCallImports)
      .where(
        after
          ? or(
              lt(fundingCallImports.createdAt, after.createdAt),
              and(eq(fundingCallImports.createdAt, after.createdAt), lt(fundingCallImports.id, after.id)),
            )
          : undefined,
      )
      .orderBy(desc(fundingCallImports.createdAt), desc(fundingCallImports.id))
      .limit(size + 1);
    const [count] = await this.db.select({ n: sql<number>`count(*)::int` }).from(fundingCallImports);
    const nodes = rows.slice(0, size);
    return {
      page: {
        nodes,
        cursors: nodes.map((i) => encodeCursor({ createdAt: i.createdAt, id: i.id })),
        hasNextPage: rows.length > size,
      },
      totalCount: count?.n ?? 0,
    };
  }
}
