import {
  type BuyerRequestRow,
  buyerRequests,
  certifications,
  type Executor,
  organizations,
  supplierCpvCodes,
  supplierProfiles,
} from "@pratica/db";
import { and, asc, desc, eq, gt, isNull, ne, type SQL, sql } from "drizzle-orm";
import type { CpvService } from "../cpv/cpv.service.js";

/** What matching needs of the CPV vocabulary (ctx.services.cpv). */
export type CpvLookup = Pick<CpvService, "ancestorsOrSelf" | "descendantsOrSelf">;

/**
 * Which suppliers fit which requests (docs/buy-social-requests.md, "Matching"): the rule in one
 * place, read both ways (suppliers for a request being opened, requests for a supplier).
 *
 * A published supplier profile of a current partner (not withdrawn) fits a request when
 *  - CPV: one of the supplier's codes is one of the request's, an ancestor of one (the supplier
 *    offers something broader) or a descendant of one (narrower): S ∈ ancestorsOrSelf(R) ∪
 *    descendantsOrSelf(R). The relation is symmetric (S is an ancestor of R exactly when R is a
 *    descendant of S), so the requests for a supplier are those with a code in the same union
 *    taken from the supplier's codes; siblings never match;
 *  - area: either side covers the whole metropolitan area, or they share a municipality;
 *  - and it is not the buyer itself.
 * Preferred certifications are a ranking boost, not a filter: suppliers holding more of them (verified,
 * not expired on Rome's today) come first.
 */

const ROME = "Europe/Rome";
/** Today in Rome (YYYY-MM-DD), the day certifications expire against. */
export const romeDay = (now: Date): string => new Intl.DateTimeFormat("en-CA", { timeZone: ROME }).format(now);

const textArray = (values: readonly string[]): SQL =>
  values.length
    ? sql`array[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::text[]`
    : sql`'{}'::text[]`;

type Area = { whole: SQL; area: SQL };
/** The area rule: either side covers the whole metropolitan area, or they share a municipality. */
const areasMeet = (a: Area, b: Area): SQL => sql`(${a.whole} or ${b.whole} or ${a.area} && ${b.area})`;

/** The codes a code list matches: itself, its ancestors and its descendants. */
async function related(cpv: CpvLookup, tx: Executor, codes: readonly string[]): Promise<string[]> {
  const [up, down] = await Promise.all([cpv.ancestorsOrSelf(codes, tx), cpv.descendantsOrSelf(codes, tx)]);
  return [...new Set([...up, ...down])];
}

/** The kinds of certification `organization` holds now: verified, not expired. */
const heldKinds = (
  organization: SQL,
  today: string,
): SQL => sql`(select coalesce(array_agg(${certifications.kind}::text), '{}')
  from ${certifications} where ${certifications.organizationId} = ${organization}
    and ${certifications.verification} = 'VERIFIED'
    and (${certifications.validUntil} is null or ${certifications.validUntil} >= ${today}::date))`;

export type MatchedSupplier = { organizationId: string; preferredHeld: number };

/** The suppliers that fit a request, those holding more preferred certifications first, then by name. */
export async function suppliersFor(
  tx: Executor,
  cpv: CpvLookup,
  request: Pick<BuyerRequestRow, "organizationId" | "cpvCodes" | "area" | "wholeMetroArea" | "preferredCertifications">,
  now: Date,
): Promise<MatchedSupplier[]> {
  const codes = await related(cpv, tx, request.cpvCodes);
  if (!codes.length) return [];
  const preferredHeld = sql<number>`cardinality(array(select unnest(${heldKinds(sql`${supplierProfiles.organizationId}`, romeDay(now))})
    intersect select unnest(${textArray(request.preferredCertifications)})))::int`;
  return tx
    .select({ organizationId: supplierProfiles.organizationId, preferredHeld })
    .from(supplierProfiles)
    .innerJoin(organizations, eq(organizations.id, supplierProfiles.organizationId))
    .where(
      and(
        eq(supplierProfiles.published, true),
        isNull(organizations.withdrawnOn),
        ne(supplierProfiles.organizationId, request.organizationId),
        sql`exists (select 1 from ${supplierCpvCodes} where ${supplierCpvCodes.organizationId} = ${supplierProfiles.organizationId}
          and ${supplierCpvCodes.cpvCode} = any(${textArray(codes)}))`,
        areasMeet(
          { whole: sql`${request.wholeMetroArea}::boolean`, area: textArray(request.area) },
          { whole: sql`${supplierProfiles.wholeMetroArea}`, area: sql`${supplierProfiles.serviceArea}` },
        ),
      ),
    )
    .orderBy(desc(preferredHeld), asc(organizations.name), asc(organizations.id));
}

/**
 * The OPEN requests (deadline ahead) a supplier fits; none when its profile is unpublished or it
 * withdrew. Requests preferring a certification it holds first, then the nearest deadline.
 */
export async function requestsFor(
  tx: Executor,
  cpv: CpvLookup,
  organizationId: string,
  now: Date,
): Promise<BuyerRequestRow[]> {
  const [profile] = await tx
    .select({ serviceArea: supplierProfiles.serviceArea, whole: supplierProfiles.wholeMetroArea })
    .from(supplierProfiles)
    .innerJoin(organizations, eq(organizations.id, supplierProfiles.organizationId))
    .where(
      and(
        eq(supplierProfiles.organizationId, organizationId),
        eq(supplierProfiles.published, true),
        isNull(organizations.withdrawnOn),
      ),
    );
  if (!profile) return [];
  const own = await tx
    .select({ code: supplierCpvCodes.cpvCode })
    .from(supplierCpvCodes)
    .where(eq(supplierCpvCodes.organizationId, organizationId));
  const codes = await related(
    cpv,
    tx,
    own.map((c) => c.code),
  );
  if (!codes.length) return [];
  const prefersHeld = sql<boolean>`(${buyerRequests.preferredCertifications}::text[] && ${heldKinds(sql`${organizationId}::uuid`, romeDay(now))})`;
  return tx
    .select()
    .from(buyerRequests)
    .where(
      and(
        eq(buyerRequests.state, "OPEN"),
        gt(buyerRequests.deadlineAt, now),
        ne(buyerRequests.organizationId, organizationId),
        sql`${buyerRequests.cpvCodes} && ${textArray(codes)}`,
        areasMeet(
          { whole: sql`${buyerRequests.wholeMetroArea}`, area: sql`${buyerRequests.area}` },
          { whole: sql`${profile.whole}::boolean`, area: textArray(profile.serviceArea) },
        ),
      ),
    )
    .orderBy(desc(prefersHeld), asc(buyerRequests.deadlineAt), asc(buyerRequests.id));
}
