import type { OrganizationRow, PartnerInterestRow, PartnerSearchRow } from "@pratica/db";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { Organization } from "../organization/organization.type.js";
import { MyOpportunities, PartnerInterest, PartnerSearch } from "./partner-search.type.js";

/** The organisation's HUB page; reached only through Query.myOpportunities, which checked the viewer is one of its people. */
@Resolver(() => MyOpportunities)
export class OpportunitiesResolver {
  @FieldResolver(() => Organization)
  async organization(@Root() o: MyOpportunities, @Ctx() ctx: Context): Promise<OrganizationRow> {
    const row = await ctx.loaders.organizationById.load(o.organizationId);
    if (!row) throw new Error("organisation missing");
    return row;
  }

  @FieldResolver(() => [PartnerSearch], { description: "Its searches, every status, newest first" })
  searches(@Root() o: MyOpportunities, @Ctx() ctx: Context): Promise<PartnerSearchRow[]> {
    return ctx.services.hubOpportunities.searches(o.organizationId);
  }

  @FieldResolver(() => [PartnerInterest], { description: "The interests it expressed, newest first" })
  interests(@Root() o: MyOpportunities, @Ctx() ctx: Context): Promise<PartnerInterestRow[]> {
    return ctx.services.hubOpportunities.interests(o.organizationId);
  }
}
