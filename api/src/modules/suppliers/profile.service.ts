import { type Database, type SupplierProfileRow, supplierCpvCodes, supplierProfiles } from "@pratica/db";
import { eq, sql } from "drizzle-orm";
import { conflict, notFound } from "../../core/errors.js";
import { unitOfWork } from "../../core/unit-of-work.js";
import { parseInput } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import type { CpvService } from "../cpv/cpv.service.js";
import { checkMunicipalities } from "../cpv/municipalities.js";
import { organizationAndRole } from "./access.js";
import { requireEditor } from "./suppliers.policy.js";
import { type SaveSupplierProfile, saveSupplierProfileRules } from "./suppliers.rules.js";

/** Supplier profiles (docs/buy-social.md "Supplier profiles"): one per organisation, kept by its representatives. */
export class SupplierProfileService {
  constructor(
    private readonly db: Database,
    private readonly cpv: CpvService,
  ) {}

  /**
   * Creates the profile (`version` null) or replaces it (`version` the one read). The profile row
   * is locked first: two saves of one profile serialise, and the second sees the first's version.
   */
  save(viewer: Viewer | null, raw: unknown): Promise<SupplierProfileRow> {
    const input: SaveSupplierProfile = parseInput(saveSupplierProfileRules, raw);
    return unitOfWork(this.db, async ({ tx }) => {
      const { organization, role } = await organizationAndRole(tx, viewer, input.organizationId);
      if (!organization) throw notFound("Organisation");
      requireEditor(viewer, role, organization);
      const [current] = await tx
        .select()
        .from(supplierProfiles)
        .where(eq(supplierProfiles.organizationId, organization.id))
        .for("update");
      if (current && input.version === null) {
        throw conflict("This organisation already has a supplier profile: edit it.", { version: current.version });
      }
      if (!current && input.version !== null) {
        throw conflict("This organisation has no supplier profile yet: create it (version null).", { version: null });
      }
      if (current && current.version !== input.version) {
        throw conflict("The supplier profile changed since you read it.", { version: current.version });
      }
      const codes = await this.cpv.validate(tx, input.cpvCodes, "cpvCodes");
      const area = input.wholeMetroArea ? [] : checkMunicipalities(input.serviceArea, "serviceArea");
      const values = {
        offer: input.offerEn,
        offerIt: input.offerIt,
        capacity: input.capacity,
        serviceArea: area,
        wholeMetroArea: input.wholeMetroArea,
        published: input.published,
      };
      // A concurrent first save inserted meanwhile: the insert does nothing, and it is that save's profile.
      const [saved] = current
        ? await tx
            .update(supplierProfiles)
            .set({ ...values, version: sql`${supplierProfiles.version} + 1`, updatedAt: new Date() })
            .where(eq(supplierProfiles.organizationId, organization.id))
            .returning()
        : await tx
            .insert(supplierProfiles)
            .values({ organizationId: organization.id, ...values })
            .onConflictDoNothing()
            .returning();
      if (!saved) throw conflict("This organisation already has a supplier profile: edit it.");
      await tx.delete(supplierCpvCodes).where(eq(supplierCpvCodes.organizationId, organization.id));
      if (codes.length) {
        await tx
          .insert(supplierCpvCodes)
          .values(codes.map((cpvCode) => ({ organizationId: organization.id, cpvCode })));
      }
      return saved;
    });
  }
}
