import type { CertificationRow, CpvCodeRow, OrganizationRow } from "@pratica/db";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { CpvCode } from "../cpv/cpv.type.js";
import { municipalities } from "../cpv/municipalities.js";
import { Municipality } from "../cpv/municipality.type.js";
import { Organization } from "../organization/organization.type.js";
import {
  canEditSupplier,
  canReadCertification,
  canSeeAll,
  isDirectConventionEligible,
  isExpired,
} from "./suppliers.policy.js";
import { Certification, profileValue, SupplierProfile } from "./suppliers.type.js";
import { viewerRole } from "./viewer-role.js";

/** Certifications the viewer may read: VERIFIED for everyone, all of them for the organisation's people and admins. */
async function readableCertifications(ctx: Context, organizationId: string): Promise<CertificationRow[]> {
  const [all, role] = await Promise.all([
    ctx.loaders.certificationsByOrganization.load(organizationId),
    viewerRole(ctx, organizationId),
  ]);
  return all.filter((c) => canReadCertification(ctx.viewer, role, c));
}

@Resolver(() => Organization)
export class OrganizationSupplierResolver {
  @ViewerDependent()
  @FieldResolver(() => SupplierProfile, {
    nullable: true,
    description:
      "Its supplier profile: null when it has none, or it is unpublished and the viewer is not its people or an admin",
  })
  async supplierProfile(@Root() o: OrganizationRow, @Ctx() ctx: Context): Promise<SupplierProfile | null> {
    const row = await ctx.loaders.supplierProfileByOrganization.load(o.id);
    if (!row) return null;
    if (!row.published && !canSeeAll(ctx.viewer, await viewerRole(ctx, o.id))) return null;
    return profileValue(row);
  }
}

@Resolver(() => SupplierProfile)
export class SupplierProfileFieldsResolver {
  @FieldResolver(() => Organization)
  async organization(@Root() p: SupplierProfile, @Ctx() ctx: Context): Promise<OrganizationRow> {
    return (await ctx.loaders.organizationById.load(p.organizationId)) as OrganizationRow;
  }

  @FieldResolver(() => String, { description: "The offer in the caller's language, falling back to the other" })
  offer(@Root() p: SupplierProfile, @Ctx() ctx: Context): string {
    const [mine, other] = ctx.caller.locale === "it" ? [p.offerIt, p.offerEn] : [p.offerEn, p.offerIt];
    return mine.trim() !== "" ? mine : other;
  }

  @FieldResolver(() => [CpvCode])
  async cpvCodes(@Root() p: SupplierProfile, @Ctx() ctx: Context): Promise<CpvCodeRow[]> {
    return (await ctx.loaders.cpvCodesBySupplier.load(p.organizationId)).map((r) => r.code);
  }

  @FieldResolver(() => [Municipality], { description: "Empty when it serves the whole metropolitan area" })
  serviceArea(@Root() p: SupplierProfile): Municipality[] {
    return municipalities(p.serviceArea);
  }

  @ViewerDependent()
  @FieldResolver(() => [Certification], {
    description: "Public: the VERIFIED ones; the organisation's people and admins: all",
  })
  certifications(@Root() p: SupplierProfile, @Ctx() ctx: Context): Promise<CertificationRow[]> {
    return readableCertifications(ctx, p.organizationId);
  }

  @FieldResolver(() => Boolean, {
    description: "Holds a verified, unexpired type B social cooperative certification (art. 5 l. 381/1991)",
  })
  async directConventionEligible(@Root() p: SupplierProfile, @Ctx() ctx: Context): Promise<boolean> {
    const now = ctx.services.supplierClock.now();
    return (await ctx.loaders.certificationsByOrganization.load(p.organizationId)).some((c) =>
      isDirectConventionEligible(c, now),
    );
  }

  @ViewerDependent()
  @FieldResolver(() => Boolean)
  async viewerCanEdit(@Root() p: SupplierProfile, @Ctx() ctx: Context): Promise<boolean> {
    const o = await ctx.loaders.organizationById.load(p.organizationId);
    return o !== null && canEditSupplier(ctx.viewer, await viewerRole(ctx, p.organizationId), o);
  }
}

@Resolver(() => Certification)
export class CertificationFieldsResolver {
  @FieldResolver(() => Organization)
  async organization(@Root() c: CertificationRow, @Ctx() ctx: Context): Promise<OrganizationRow> {
    return (await ctx.loaders.organizationById.load(c.organizationId)) as OrganizationRow;
  }

  @FieldResolver(() => Boolean, { description: "Past validUntil, today in Europe/Rome" })
  expired(@Root() c: CertificationRow, @Ctx() ctx: Context): boolean {
    return isExpired(c, ctx.services.supplierClock.now());
  }

  @FieldResolver(() => Boolean, {
    description: "SOCIAL_COOP_B, verified and not expired: the art. 5 l. 381/1991 badge",
  })
  directConventionEligible(@Root() c: CertificationRow, @Ctx() ctx: Context): boolean {
    return isDirectConventionEligible(c, ctx.services.supplierClock.now());
  }
}
