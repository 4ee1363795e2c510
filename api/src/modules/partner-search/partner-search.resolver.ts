import type { PartnerInterestRow, PartnerSearchRow } from "@pratica/db";
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../core/context.js";
import { notFound } from "../../core/errors.js";
import { isUuid } from "../../core/ids.js";
import {
  DecideInterestInput,
  ExpressInterestInput,
  PublishPartnerSearchInput,
  UpdatePartnerSearchInput,
} from "./partner-search.input.js";
import { MyOpportunities, PartnerInterest, PartnerSearch } from "./partner-search.type.js";
import { readableSearch } from "./partner-search-fields.resolver.js";

@Resolver(() => PartnerSearch)
export class PartnerSearchResolver {
  @Query(() => PartnerSearch, {
    nullable: true,
    description: "A partner search: public while OPEN or CLOSED; a WITHDRAWN one is NOT_FOUND to outsiders",
  })
  async partnerSearch(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<PartnerSearchRow> {
    const found = await readableSearch(ctx, isUuid(id) ? await ctx.loaders.partnerSearchById.load(id) : null);
    if (!found) throw notFound("Partner search");
    return found;
  }

  @Query(() => MyOpportunities, { description: "The HUB for one organisation: its people only (FORBIDDEN otherwise)" })
  myOpportunities(
    @Arg("organizationId", () => ID) organizationId: string,
    @Ctx() ctx: Context,
  ): Promise<MyOpportunities> {
    return ctx.services.hubOpportunities.forOrganization(ctx.viewer, organizationId);
  }

  @Mutation(() => PartnerSearch, { description: "A representative publishes a search for their organisation (OPEN)" })
  publishPartnerSearch(
    @Arg("input", () => PublishPartnerSearchInput) input: PublishPartnerSearchInput,
    @Ctx() ctx: Context,
  ): Promise<PartnerSearchRow> {
    return ctx.services.partnerSearches.publish(ctx.viewer, input);
  }

  @Mutation(() => PartnerSearch, { description: "The publisher's representatives edit an OPEN search (version)" })
  updatePartnerSearch(
    @Arg("input", () => UpdatePartnerSearchInput) input: UpdatePartnerSearchInput,
    @Ctx() ctx: Context,
  ): Promise<PartnerSearchRow> {
    return ctx.services.partnerSearches.update(ctx.viewer, input);
  }

  @Mutation(() => PartnerSearch, { description: "OPEN → CLOSED: the consortium is formed, or the publisher stops" })
  closePartnerSearch(
    @Arg("id", () => ID) id: string,
    @Arg("version", () => Int) version: number,
    @Ctx() ctx: Context,
  ): Promise<PartnerSearchRow> {
    return ctx.services.partnerSearches.close(ctx.viewer, { id, version });
  }

  @Mutation(() => PartnerSearch, { description: "OPEN → WITHDRAWN: hidden from the public" })
  withdrawPartnerSearch(
    @Arg("id", () => ID) id: string,
    @Arg("version", () => Int) version: number,
    @Ctx() ctx: Context,
  ): Promise<PartnerSearchRow> {
    return ctx.services.partnerSearches.withdraw(ctx.viewer, { id, version });
  }

  @Mutation(() => PartnerInterest, {
    description:
      "A representative of another partner expresses interest (once per organisation); the first opens the private space",
  })
  expressInterest(
    @Arg("input", () => ExpressInterestInput) input: ExpressInterestInput,
    @Ctx() ctx: Context,
  ): Promise<PartnerInterestRow> {
    return ctx.services.partnerInterests.express(ctx.viewer, input);
  }

  @Mutation(() => PartnerInterest, {
    description: "The interested organisation's representatives withdraw it; its people leave the space",
  })
  withdrawInterest(
    @Arg("id", () => ID) id: string,
    @Arg("version", () => Int) version: number,
    @Ctx() ctx: Context,
  ): Promise<PartnerInterestRow> {
    return ctx.services.partnerInterests.withdraw(ctx.viewer, { id, version });
  }

  @Mutation(() => PartnerInterest, {
    description: "The publisher's representatives confirm or decline a PENDING interest",
  })
  decideInterest(
    @Arg("input", () => DecideInterestInput) input: DecideInterestInput,
    @Ctx() ctx: Context,
  ): Promise<PartnerInterestRow> {
    return ctx.services.partnerInterests.decide(ctx.viewer, input);
  }
}
