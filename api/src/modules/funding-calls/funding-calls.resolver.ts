import type { FundingCallRow } from "@pratica/db";
import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { Context } from "../../core/context.js";
import { notFound } from "../../core/errors.js";
import { isUuid } from "../../core/ids.js";
import { FundingCall } from "./funding-calls.type.js";

@Resolver(() => FundingCall)
export class FundingCallsResolver {
  @Query(() => FundingCall, { nullable: true, description: "A funding call (public, archived ones too)" })
  async fundingCall(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<FundingCallRow> {
    const call = isUuid(id) ? await ctx.loaders.fundingCallById.load(id) : null;
    if (!call) throw notFound("Funding call");
    return call;
  }
}
