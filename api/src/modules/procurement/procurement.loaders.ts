import {
  buyerRequests,
  type Database,
  organizationMembers,
  organizations,
  supplierAnswers,
  supplierProfiles,
} from "@pratica/db";
import DataLoader from "dataloader";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { groupedLoader, keyedLoader } from "../../core/loader.js";
import type { Viewer } from "../../core/viewer.js";
import type { OrgRole } from "./procurement.policy.js";

const list = (ids: readonly string[]) => [...ids];

/**
 * Rows as stored, the same for every viewer: who may read a request or an answer is decided where
 * it is reached (procurement.policy.ts), never by the loader.
 */
export const procurementLoaders = (db: Database) => ({
  buyerRequestById: keyedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(buyerRequests)
        .where(inArray(buyerRequests.id, list(ids))),
    (r) => r.id,
  ),
  /** Every answer of the request, oldest first. */
  answersByRequest: groupedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(supplierAnswers)
        .where(inArray(supplierAnswers.requestId, list(ids)))
        .orderBy(asc(supplierAnswers.createdAt), asc(supplierAnswers.id)),
    (a) => a.requestId,
  ),
  /** Answers not withdrawn, per request. */
  answerCountByRequest: keyedLoader(
    (ids: readonly string[]) =>
      db
        .select({ requestId: supplierAnswers.requestId, n: sql<number>`count(*)::int` })
        .from(supplierAnswers)
        .where(and(inArray(supplierAnswers.requestId, list(ids)), sql`${supplierAnswers.status} <> 'WITHDRAWN'`))
        .groupBy(supplierAnswers.requestId),
    (r) => r.requestId,
  ),
});

/** Loaders whose answers depend on who asks: asked once per request whatever the number of requests shown. */
export const procurementViewerLoaders = (db: Database, viewer: Viewer | null) => ({
  /** The viewer's organisations and role in each. */
  viewerOrgRoles: new DataLoader<"viewer", ReadonlyMap<string, OrgRole>>(async (keys) => {
    if (!viewer) return keys.map(() => new Map());
    const rows = await db
      .select({ organizationId: organizationMembers.organizationId, role: organizationMembers.role })
      .from(organizationMembers)
      .where(eq(organizationMembers.userId, viewer.id));
    const map = new Map(rows.map((r) => [r.organizationId, r.role]));
    return keys.map(() => map);
  }),
  /** The current partners with a supplier profile the viewer represents: those it may answer for. */
  viewerSupplierOrgs: new DataLoader<"viewer", string[]>(async (keys) => {
    if (!viewer) return keys.map(() => []);
    const rows = await db
      .select({ id: supplierProfiles.organizationId })
      .from(supplierProfiles)
      .innerJoin(organizations, eq(organizations.id, supplierProfiles.organizationId))
      .innerJoin(
        organizationMembers,
        and(
          eq(organizationMembers.organizationId, supplierProfiles.organizationId),
          eq(organizationMembers.userId, viewer.id),
          eq(organizationMembers.role, "REPRESENTATIVE"),
        ),
      )
      .where(isNull(organizations.withdrawnOn));
    const ids = rows.map((r) => r.id);
    return keys.map(() => ids);
  }),
});
