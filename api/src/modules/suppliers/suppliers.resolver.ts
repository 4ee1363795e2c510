import type { CertificationRow, SupplierProfileRow } from "@pratica/db";
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { connectionComplexity, toConnection } from "../../core/connection.type.js";
import type { Context } from "../../core/context.js";
import { AddCertificationInput, SaveSupplierProfileInput, UpdateCertificationInput } from "./suppliers.input.js";
import {
  Certification,
  CertificationConnection,
  CertificationKind,
  profileValue,
  SupplierConnection,
  SupplierProfile,
} from "./suppliers.type.js";

@Resolver()
export class SuppliersResolver {
  @Query(() => SupplierConnection, {
    description:
      "The supplier directory: published profiles of current partners, by name in the caller's language; public",
    complexity: connectionComplexity,
  })
  async suppliers(
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("cpv", () => String, { nullable: true, description: "A CPV code or its first digits; codes below it match" })
    cpv: string | null,
    @Arg("municipality", () => String, { nullable: true, description: "An ISTAT code: profiles serving it" })
    municipality: string | null,
    @Arg("certification", () => CertificationKind, {
      nullable: true,
      description: "Holding it, verified and not expired",
    })
    certification: CertificationKind | null,
    @Arg("query", () => String, { nullable: true }) query: string | null,
    @Ctx() ctx: Context,
  ) {
    const directory = ctx.services.supplierDirectory;
    const filters = directory.filters({ cpv, municipality, certification, query });
    const page = await directory.page(filters, { first, after }, ctx.caller.locale);
    return toConnection({ ...page, nodes: page.nodes.map(profileValue) }, page.totalCount);
  }

  @Query(() => CertificationConnection, {
    description: "Admins: certifications waiting for a check, oldest first",
    complexity: connectionComplexity,
  })
  async certificationsToVerify(
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    const page = await ctx.services.certifications.toVerify(ctx.viewer, { first, after });
    return toConnection(page, page.totalCount);
  }

  @Mutation(() => SupplierProfile, {
    description:
      "A representative creates (version null) or replaces the organisation's supplier profile; unknown CPV codes or municipalities are BAD_USER_INPUT naming them",
  })
  async saveSupplierProfile(
    @Arg("input", () => SaveSupplierProfileInput) input: SaveSupplierProfileInput,
    @Ctx() ctx: Context,
  ): Promise<SupplierProfile> {
    const row: SupplierProfileRow = await ctx.services.supplierProfiles.save(ctx.viewer, input);
    ctx.loaders.supplierProfileByOrganization.clear(row.organizationId).prime(row.organizationId, row);
    ctx.loaders.cpvCodesBySupplier.clear(row.organizationId);
    return profileValue(row);
  }

  @Mutation(() => Certification, {
    description: "A representative declares a certification; it waits for an admin (PENDING)",
  })
  addCertification(
    @Arg("input", () => AddCertificationInput) input: AddCertificationInput,
    @Ctx() ctx: Context,
  ): Promise<CertificationRow> {
    return ctx.services.certifications.add(ctx.viewer, input);
  }

  @Mutation(() => Certification, { description: "A representative edits a certification; it goes back to PENDING" })
  updateCertification(
    @Arg("input", () => UpdateCertificationInput) input: UpdateCertificationInput,
    @Ctx() ctx: Context,
  ): Promise<CertificationRow> {
    return ctx.services.certifications.update(ctx.viewer, input);
  }

  @Mutation(() => Boolean, { description: "A representative removes a certification" })
  removeCertification(
    @Arg("id", () => ID) id: string,
    @Arg("version", () => Int) version: number,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return ctx.services.certifications.remove(ctx.viewer, id, version);
  }

  @Mutation(() => Certification, {
    description: "Admins: the evidence checks out (audited; the representatives are told)",
  })
  verifyCertification(
    @Arg("id", () => ID) id: string,
    @Arg("version", () => Int) version: number,
    @Ctx() ctx: Context,
  ): Promise<CertificationRow> {
    return ctx.services.certifications.verify(ctx.viewer, id, version);
  }

  @Mutation(() => Certification, { description: "Admins: the evidence does not check out, saying why (audited; told)" })
  rejectCertification(
    @Arg("id", () => ID) id: string,
    @Arg("version", () => Int) version: number,
    @Arg("reason", () => String) reason: string,
    @Ctx() ctx: Context,
  ): Promise<CertificationRow> {
    return ctx.services.certifications.reject(ctx.viewer, id, version, reason);
  }
}
