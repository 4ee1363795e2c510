import { certifications, cpvCodes, type Database, supplierCpvCodes, supplierProfiles } from "@pratica/db";
import { asc, eq, inArray } from "drizzle-orm";
import { groupedLoader, keyedLoader } from "../../core/loader.js";

/** Rows as stored, the same for every viewer: who reads what is decided where they are reached (suppliers.policy.ts). */
export const suppliersLoaders = (db: Database) => ({
  supplierProfileByOrganization: keyedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(supplierProfiles)
        .where(inArray(supplierProfiles.organizationId, [...ids])),
    (p) => p.organizationId,
  ),
  cpvCodesBySupplier: groupedLoader(
    (ids: readonly string[]) =>
      db
        .select({ organizationId: supplierCpvCodes.organizationId, code: cpvCodes })
        .from(supplierCpvCodes)
        .innerJoin(cpvCodes, eq(cpvCodes.code, supplierCpvCodes.cpvCode))
        .where(inArray(supplierCpvCodes.organizationId, [...ids]))
        .orderBy(asc(cpvCodes.code)),
    (r) => r.organizationId,
  ),
  certificationsByOrganization: groupedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(certifications)
        .where(inArray(certifications.organizationId, [...ids]))
        .orderBy(asc(certifications.kind), asc(certifications.createdAt), asc(certifications.id)),
    (c) => c.organizationId,
  ),
});
