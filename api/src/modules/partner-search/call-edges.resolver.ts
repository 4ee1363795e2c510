import type { FundingCallRow, PartnerSearchRow } from "@pratica/db";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { FundingCall } from "../funding-calls/funding-calls.type.js";
import { MyOpportunities, PartnerSearch } from "./partner-search.type.js";

/** Where partner searches meet funding calls (calls are public; so are OPEN searches). */
@Resolver(() => PartnerSearch)
export class HubCallEdgesResolver {
  @FieldResolver(() => FundingCall, { description: "The call the search is for" })
  async call(@Root() s: PartnerSearchRow, @Ctx() ctx: Context): Promise<FundingCallRow> {
    const call = await ctx.loaders.fundingCallById.load(s.callId);
    if (!call) throw new Error("funding call missing");
    return call;
  }
}

@Resolver(() => FundingCall)
export class FundingCallSearchesResolver {
  @FieldResolver(() => [PartnerSearch], { description: "Its OPEN partner searches, newest first: public" })
  partnerSearches(@Root() c: FundingCallRow, @Ctx() ctx: Context): Promise<PartnerSearchRow[]> {
    return ctx.loaders.openSearchesByCall.load(c.id);
  }
}

@Resolver(() => MyOpportunities)
export class OpportunityCallsResolver {
  @FieldResolver(() => [FundingCall], {
    description: "Calls neither closed nor archived that fit the organisation (themes), soonest deadline first",
  })
  matchingCalls(@Root() o: MyOpportunities, @Ctx() ctx: Context): Promise<FundingCallRow[]> {
    return ctx.services.hubOpportunities.matchingCalls(o.organizationId);
  }

  @FieldResolver(() => [FundingCall], {
    description: "The calls the viewer follows (follows are personal), not archived",
  })
  @ViewerDependent()
  followedCalls(@Ctx() ctx: Context): Promise<FundingCallRow[]> {
    return ctx.services.hubOpportunities.followedCalls(ctx.viewer);
  }
}
