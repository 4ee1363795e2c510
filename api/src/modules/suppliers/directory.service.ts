import {
  certifications,
  cpvCodes,
  type Database,
  organizations,
  type SupplierProfileRow,
  supplierCpvCodes,
  supplierProfiles,
} from "@pratica/db";
import { and, asc, count, eq, gt, ilike, isNull, like, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Locale } from "../../core/context.js";
import { cursorId, decodeCursor, jsonCursor, type PageArgs, pageSize } from "../../core/pagination.js";
import { parseInput } from "../../core/validate.js";
import type { CpvService } from "../cpv/cpv.service.js";
import { todayInRome } from "./suppliers.policy.js";
import { directoryRules, type SupplierFilters } from "./suppliers.rules.js";

const nameCursor = jsonCursor(z.tuple([z.string().max(400), cursorId]));
const encode = (value: unknown[]) => Buffer.from(JSON.stringify(value)).toString("base64url");
const likeEscaped = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The organisation's name in the caller's language (core/localized.ts's rule, in SQL), lower-cased to sort A→Z. */
const nameKey = (locale: Locale): SQL<string> =>
  locale === "it"
    ? sql<string>`lower(coalesce(nullif(btrim(${organizations.nameIt}), ''), ${organizations.name}))`
    : sql<string>`lower(coalesce(nullif(btrim(${organizations.name}), ''), ${organizations.nameIt}))`;

/**
 * The supplier directory (docs/buy-social.md "Directory and open data"): published profiles of
 * current partners, filtered by CPV (a code or prefix, with everything below it), municipality
 * served, certification held (verified, not expired) and words of the name or offer.
 */
export class SupplierDirectoryService {
  constructor(
    private readonly db: Database,
    private readonly cpv: CpvService,
    private readonly clock: { now: () => Date },
  ) {}

  /** Checks the filters as the query and the CSV receive them; a malformed one is BAD_USER_INPUT naming it. */
  filters(raw: Record<string, unknown>): SupplierFilters {
    return parseInput(directoryRules, raw);
  }

  async page(filters: SupplierFilters, args: PageArgs, locale: Locale) {
    const first = pageSize(args.first);
    const where = await this.where(filters);
    const key = nameKey(locale);
    const cursor = decodeCursor(nameCursor, args.after);
    const after = cursor ? or(gt(key, cursor[0]), and(eq(key, cursor[0]), gt(organizations.id, cursor[1]))) : undefined;
    const rows = await this.db
      .select({ profile: supplierProfiles, key })
      .from(supplierProfiles)
      .innerJoin(organizations, eq(organizations.id, supplierProfiles.organizationId))
      .where(and(where, after))
      .orderBy(asc(key), asc(organizations.id))
      .limit(first + 1);
    const [total] = await this.db
      .select({ n: count() })
      .from(supplierProfiles)
      .innerJoin(organizations, eq(organizations.id, supplierProfiles.organizationId))
      .where(where);
    const nodes = rows.slice(0, first);
    return {
      nodes: nodes.map((r) => r.profile),
      cursors: nodes.map((r) => encode([r.key, r.profile.organizationId])),
      hasNextPage: rows.length > first,
      totalCount: total?.n ?? 0,
    };
  }

  /** Every profile the filters select, by name: the open data (a few hundred rows at most). */
  async all(filters: SupplierFilters, locale: Locale): Promise<SupplierProfileRow[]> {
    const rows = await this.db
      .select({ profile: supplierProfiles })
      .from(supplierProfiles)
      .innerJoin(organizations, eq(organizations.id, supplierProfiles.organizationId))
      .where(await this.where(filters))
      .orderBy(asc(nameKey(locale)), asc(organizations.id));
    return rows.map((r) => r.profile);
  }

  private async where(f: SupplierFilters): Promise<SQL | undefined> {
    const conditions: (SQL | undefined)[] = [eq(supplierProfiles.published, true), isNull(organizations.withdrawnOn)];
    if (f.cpv !== null) {
      // A code or its first digits: the codes it names, and (over parent_code, holes included) all below them.
      const digits = f.cpv.length === 8 ? f.cpv.replace(/0+$/, "").padEnd(2, "0") : f.cpv;
      const roots = await this.db
        .select({ code: cpvCodes.code })
        .from(cpvCodes)
        .where(like(cpvCodes.code, `${digits}%`));
      const codes = await this.cpv.descendantsOrSelf(roots.map((r) => r.code));
      if (codes.length === 0) return sql`false`;
      conditions.push(
        sql`exists (select 1 from ${supplierCpvCodes} where ${supplierCpvCodes.organizationId} = ${supplierProfiles.organizationId}
          and ${supplierCpvCodes.cpvCode} in (${sql.join(
            codes.map((c) => sql`${c}`),
            sql`, `,
          )}))`,
      );
    }
    if (f.municipality !== null) {
      conditions.push(
        or(eq(supplierProfiles.wholeMetroArea, true), sql`${f.municipality} = any(${supplierProfiles.serviceArea})`),
      );
    }
    if (f.certification !== null) {
      conditions.push(
        sql`exists (select 1 from ${certifications} where ${certifications.organizationId} = ${supplierProfiles.organizationId}
          and ${certifications.kind} = ${f.certification} and ${certifications.verification} = 'VERIFIED'
          and (${certifications.validUntil} is null or ${certifications.validUntil} >= ${todayInRome(this.clock.now())}::date))`,
      );
    }
    if (f.query !== null) {
      const pattern = likeEscaped(f.query);
      conditions.push(
        or(
          ilike(organizations.name, pattern),
          ilike(organizations.nameIt, pattern),
          ilike(supplierProfiles.offer, pattern),
          ilike(supplierProfiles.offerIt, pattern),
        ),
      );
    }
    return and(...conditions);
  }
}
