import { type BuyerRequestRow, buyerRequests, type Database } from "@pratica/db";
import { and, desc, eq, inArray, lt, ne, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { badInput, forbidden, notFound, unauthenticated } from "../../core/errors.js";
import { isUuid } from "../../core/ids.js";
import { decodeCursor, type KeysetPosition, keysetCursor, type Page, pageSize, toPage } from "../../core/pagination.js";
import type { Viewer } from "../../core/viewer.js";
import { type CpvLookup, requestsFor } from "./matching.js";
import { canReadRequest } from "./procurement.policy.js";
import type { RequestState } from "./procurement.workflow.js";
import { orgsOf } from "./request-work.js";

export type RequestListArgs = {
  first?: number | null;
  after?: string | null;
  state?: RequestState | null;
  cpv?: string | null;
  mine?: boolean | null;
};

/** A CPV filter as people write it: a code ("90910000", "90910000-9") or a prefix of one ("909"). */
const cpvFilter = z
  .string()
  .trim()
  .regex(/^\d{2,8}(?:-\d)?$/, "Write a CPV code or its first digits.")
  .transform((v) => {
    const digits = v.split("-")[0] ?? "";
    // A code stands for its descendants: 90900000 is every code starting with 909.
    const prefix = digits.length === 8 ? digits.replace(/0+$/, "") : digits;
    return prefix.length >= 2 ? prefix : digits.slice(0, 2);
  });

/** Reading requests: the public list (drafts to their buyer only), one request, the matches of a supplier. */
export class RequestReadService {
  constructor(
    private readonly db: Database,
    private readonly cpv: CpvLookup,
    private readonly now: () => Date,
  ) {}

  /** Newest first. Anyone reads OPEN, SHORTLISTING, AWARDED and CLOSED; a DRAFT only its buyer's people. */
  async list(
    viewer: Viewer | null,
    args: RequestListArgs,
  ): Promise<{ page: Page<BuyerRequestRow>; totalCount: number }> {
    if (args.mine && !viewer) throw unauthenticated("Log in to see your organisations' requests.");
    const orgs = [...(await orgsOf(this.db, viewer)).keys()];
    const size = pageSize(args.first);
    const after = decodeCursor(keysetCursor, args.after);
    let prefix: string | null = null;
    if (args.cpv != null) {
      const parsed = cpvFilter.safeParse(args.cpv);
      if (!parsed.success) throw badInput("cpv", parsed.error.issues[0]?.message ?? "Write a CPV code.");
      prefix = parsed.data;
    }
    const visible = orgs.length
      ? or(ne(buyerRequests.state, "DRAFT"), inArray(buyerRequests.organizationId, orgs))
      : ne(buyerRequests.state, "DRAFT");
    const filter = and(
      visible,
      args.mine ? (orgs.length ? inArray(buyerRequests.organizationId, orgs) : sql`false`) : undefined,
      args.state ? eq(buyerRequests.state, args.state) : undefined,
      prefix ? sql`exists (select 1 from unnest(${buyerRequests.cpvCodes}) c where c like ${`${prefix}%`})` : undefined,
    );
    const [rows, [count]] = await Promise.all([
      this.db
        .select()
        .from(buyerRequests)
        .where(and(filter, before(after)))
        .orderBy(desc(buyerRequests.createdAt), desc(buyerRequests.id))
        .limit(size + 1),
      this.db.select({ n: sql<number>`count(*)::int` }).from(buyerRequests).where(filter),
    ]);
    return { page: toPage(rows, size), totalCount: count?.n ?? 0 };
  }

  /** One request; null when missing or another's draft (NOT_FOUND to the client either way). */
  async byId(viewer: Viewer | null, id: string): Promise<BuyerRequestRow | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.db.select().from(buyerRequests).where(eq(buyerRequests.id, id));
    return row && canReadRequest(await orgsOf(this.db, viewer), row) ? row : null;
  }

  /** The open requests a supplier fits (matching.ts): its people only. */
  async matching(viewer: Viewer | null, organizationId: string): Promise<BuyerRequestRow[]> {
    if (!viewer) throw unauthenticated("Log in as one of the supplier's people to see its matching requests.");
    const orgs = await orgsOf(this.db, viewer);
    if (!isUuid(organizationId) || !orgs.has(organizationId))
      throw forbidden("You do not belong to this organisation.");
    return requestsFor(this.db, this.cpv, organizationId, this.now());
  }
}

/** `(created_at, id) < (cursor)`: the list runs newest first. */
function before(p: KeysetPosition | null): SQL | undefined {
  if (!p) return undefined;
  return or(
    lt(buyerRequests.createdAt, p.createdAt),
    and(eq(buyerRequests.createdAt, p.createdAt), lt(buyerRequests.id, p.id)),
  );
}

export const requestNotFound = () => notFound("Buyer request");
