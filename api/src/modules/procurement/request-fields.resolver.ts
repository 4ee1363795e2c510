import type { BuyerRequestRow, CpvCodeRow, OrganizationRow, SupplierAnswerRow, UserRow } from "@pratica/db";
import { Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { CpvCode } from "../cpv/cpv.type.js";
import { type MunicipalityValue, municipalities } from "../cpv/municipalities.js";
import { Municipality } from "../cpv/municipality.type.js";
import { User } from "../identity/user.type.js";
import { Organization } from "../organization/organization.type.js";
import { canAnswer, canDecide, canEditRequest, canReadAnswer, isBuyerPerson } from "./procurement.policy.js";
import { BuyerRequest, SupplierAnswer } from "./procurement.type.js";

const orgsOf = (ctx: Context) => ctx.loaders.viewerOrgRoles.load("viewer");

/** A request's edges and the viewer-dependent fields; the rules are procurement.policy.ts's. */
@Resolver(() => BuyerRequest)
export class RequestFieldsResolver {
  @FieldResolver(() => Organization, { description: "The organisation that asks" })
  async buyer(@Root() r: BuyerRequestRow, @Ctx() ctx: Context): Promise<OrganizationRow> {
    const org = await ctx.loaders.organizationById.load(r.organizationId);
    if (!org) throw new Error(`request ${r.id} without its buyer`);
    return org;
  }

  @FieldResolver(() => User, { nullable: true })
  author(@Root() r: BuyerRequestRow, @Ctx() ctx: Context): Promise<UserRow | null> | null {
    return r.authorId ? (ctx.loaders.userById.load(r.authorId) as Promise<UserRow | null>) : null;
  }

  @FieldResolver(() => [CpvCode], { description: "What is asked for, by CPV code" })
  async cpvCodes(@Root() r: BuyerRequestRow, @Ctx() ctx: Context): Promise<CpvCodeRow[]> {
    const rows = await ctx.loaders.cpvByCode.loadMany(r.cpvCodes);
    return rows.filter((c): c is CpvCodeRow => c !== null && !(c instanceof Error));
  }

  @FieldResolver(() => [Municipality], { description: "Where: empty when the whole metropolitan area" })
  area(@Root() r: BuyerRequestRow): MunicipalityValue[] {
    return municipalities(r.area);
  }

  @FieldResolver(() => [String], {
    name: "cpvCodeList",
    description: "The CPV codes, eight digits each (the `cpvCodes` edge gives their names)",
  })
  cpvCodeList(@Root() r: BuyerRequestRow): string[] {
    return r.cpvCodes;
  }

  @FieldResolver(() => [String], { description: "ISTAT codes of the municipalities (empty: the whole area)" })
  areaCodes(@Root() r: BuyerRequestRow): string[] {
    return r.area;
  }

  @FieldResolver(() => Organization, { nullable: true, description: "Once AWARDED: the supplier chosen" })
  awardedSupplier(@Root() r: BuyerRequestRow, @Ctx() ctx: Context): Promise<OrganizationRow | null> | null {
    return r.awardedOrganizationId ? ctx.loaders.organizationById.load(r.awardedOrganizationId) : null;
  }

  @FieldResolver(() => Int, { description: "Answers not withdrawn: the buyer's people only; 0 for anyone else" })
  @ViewerDependent()
  async answerCount(@Root() r: BuyerRequestRow, @Ctx() ctx: Context): Promise<number> {
    if (!isBuyerPerson(await orgsOf(ctx), r)) return 0;
    return (await ctx.loaders.answerCountByRequest.load(r.id))?.n ?? 0;
  }

  @FieldResolver(() => [SupplierAnswer], {
    description: "The buyer's people: every answer; a supplier's people: their own; anyone else: none",
  })
  @ViewerDependent()
  async answers(@Root() r: BuyerRequestRow, @Ctx() ctx: Context): Promise<SupplierAnswerRow[]> {
    const orgs = await orgsOf(ctx);
    if (!orgs.size) return [];
    return (await ctx.loaders.answersByRequest.load(r.id)).filter((a) => canReadAnswer(orgs, r, a));
  }

  @FieldResolver(() => SupplierAnswer, {
    nullable: true,
    description: "The answer of an organisation the viewer belongs to (the first, when several)",
  })
  @ViewerDependent()
  async viewerAnswer(@Root() r: BuyerRequestRow, @Ctx() ctx: Context): Promise<SupplierAnswerRow | null> {
    const orgs = await orgsOf(ctx);
    if (!orgs.size) return null;
    return (await ctx.loaders.answersByRequest.load(r.id)).find((a) => orgs.has(a.organizationId)) ?? null;
  }

  @FieldResolver(() => Boolean)
  @ViewerDependent()
  async viewerCanEdit(@Root() r: BuyerRequestRow, @Ctx() ctx: Context): Promise<boolean> {
    return canEditRequest(ctx.viewer, await orgsOf(ctx), r, ctx.services.procurement.now());
  }

  @FieldResolver(() => Boolean, { description: "The viewer represents a supplier that may still answer" })
  @ViewerDependent()
  async viewerCanAnswer(@Root() r: BuyerRequestRow, @Ctx() ctx: Context): Promise<boolean> {
    if (!ctx.viewer) return false;
    const [suppliers, answers] = await Promise.all([
      ctx.loaders.viewerSupplierOrgs.load("viewer"),
      ctx.loaders.answersByRequest.load(r.id),
    ]);
    return canAnswer(ctx.viewer, r, suppliers, answers, ctx.services.procurement.now());
  }

  @FieldResolver(() => Boolean, { description: "The viewer may shortlist, award or close it" })
  @ViewerDependent()
  async viewerCanDecide(@Root() r: BuyerRequestRow, @Ctx() ctx: Context): Promise<boolean> {
    return canDecide(ctx.viewer, await orgsOf(ctx), r);
  }
}

/** An answer's edges: reached only through fields that checked it may be read. */
@Resolver(() => SupplierAnswer)
export class AnswerFieldsResolver {
  @FieldResolver(() => BuyerRequest)
  async request(@Root() a: SupplierAnswerRow, @Ctx() ctx: Context): Promise<BuyerRequestRow> {
    const request = await ctx.loaders.buyerRequestById.load(a.requestId);
    if (!request) throw new Error(`answer ${a.id} without its request`);
    return request;
  }

  @FieldResolver(() => Organization)
  async supplier(@Root() a: SupplierAnswerRow, @Ctx() ctx: Context): Promise<OrganizationRow> {
    const org = await ctx.loaders.organizationById.load(a.organizationId);
    if (!org) throw new Error(`answer ${a.id} without its supplier`);
    return org;
  }

  @FieldResolver(() => User, { nullable: true })
  author(@Root() a: SupplierAnswerRow, @Ctx() ctx: Context): Promise<UserRow | null> | null {
    return a.authorId ? (ctx.loaders.userById.load(a.authorId) as Promise<UserRow | null>) : null;
  }
}
