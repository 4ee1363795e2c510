import type { BuyerRequestRow, SupplierAnswerRow } from "@pratica/db";
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { connectionComplexity, toConnection } from "../../core/connection.type.js";
import type { Context } from "../../core/context.js";
import { notFound } from "../../core/errors.js";
import {
  AnswerBuyerRequestInput,
  AwardBuyerRequestInput,
  CloseBuyerRequestInput,
  CreateBuyerRequestInput,
  UpdateBuyerRequestInput,
  UpdateSupplierAnswerInput,
} from "./procurement.input.js";
import { BuyerRequest, BuyerRequestConnection, BuyerRequestState, SupplierAnswer } from "./procurement.type.js";

@Resolver(() => BuyerRequest)
export class ProcurementResolver {
  @Query(() => BuyerRequestConnection, {
    complexity: connectionComplexity,
    description: "Buyer requests, newest first: public once opened; a DRAFT only to its buyer's people",
  })
  async buyerRequests(
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("state", () => BuyerRequestState, { nullable: true }) state: BuyerRequestState | null,
    @Arg("cpv", () => String, { nullable: true, description: "A CPV code or its first digits: descendants match" })
    cpv: string | null,
    @Arg("mine", () => Boolean, {
      nullable: true,
      defaultValue: false,
      description: "The viewer's organisations' only",
    })
    mine: boolean,
    @Ctx() ctx: Context,
  ) {
    const { page, totalCount } = await ctx.services.procurementReads.list(ctx.viewer, {
      first,
      after,
      state,
      cpv,
      mine,
    });
    return toConnection(page, totalCount);
  }

  @Query(() => BuyerRequest, {
    nullable: true,
    description: "One request; another's DRAFT is NOT_FOUND, as a missing one",
  })
  async buyerRequest(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<BuyerRequestRow> {
    const row = await ctx.services.procurementReads.byId(ctx.viewer, id);
    if (!row) throw notFound("Buyer request");
    return row;
  }

  @Query(() => [BuyerRequest], { description: "The supplier's people: open requests it fits, the best first" })
  matchingBuyerRequests(
    @Arg("organizationId", () => ID) organizationId: string,
    @Ctx() ctx: Context,
  ): Promise<BuyerRequestRow[]> {
    return ctx.services.procurementReads.matching(ctx.viewer, organizationId);
  }

  @Mutation(() => BuyerRequest, { description: "A DRAFT for an organisation the viewer represents" })
  createBuyerRequest(
    @Arg("input", () => CreateBuyerRequestInput) input: CreateBuyerRequestInput,
    @Ctx() ctx: Context,
  ): Promise<BuyerRequestRow> {
    return ctx.services.procurement.create(ctx.viewer, input);
  }

  @Mutation(() => BuyerRequest, { description: "A DRAFT, or an OPEN request before its deadline" })
  updateBuyerRequest(
    @Arg("input", () => UpdateBuyerRequestInput) input: UpdateBuyerRequestInput,
    @Ctx() ctx: Context,
  ): Promise<BuyerRequestRow> {
    return ctx.services.procurement.update(ctx.viewer, input);
  }

  @Mutation(() => BuyerRequest, { description: "DRAFT → OPEN; matching suppliers' representatives are told" })
  openBuyerRequest(
    @Arg("id", () => ID) id: string,
    @Arg("version", () => Int) version: number,
    @Ctx() ctx: Context,
  ): Promise<BuyerRequestRow> {
    return ctx.services.procurement.open(ctx.viewer, id, version);
  }

  @Mutation(() => BuyerRequest, { description: "OPEN → SHORTLISTING: no more answers" })
  startShortlisting(
    @Arg("id", () => ID) id: string,
    @Arg("version", () => Int) version: number,
    @Ctx() ctx: Context,
  ): Promise<BuyerRequestRow> {
    return ctx.services.procurement.startShortlisting(ctx.viewer, id, version);
  }

  @Mutation(() => BuyerRequest, { description: "→ AWARDED to one answer; the others NOT_SELECTED" })
  awardBuyerRequest(
    @Arg("input", () => AwardBuyerRequestInput) input: AwardBuyerRequestInput,
    @Ctx() ctx: Context,
  ): Promise<BuyerRequestRow> {
    return ctx.services.procurement.award(ctx.viewer, input);
  }

  @Mutation(() => BuyerRequest, { description: "OPEN | SHORTLISTING → CLOSED without an award, with the reason" })
  closeBuyerRequest(
    @Arg("input", () => CloseBuyerRequestInput) input: CloseBuyerRequestInput,
    @Ctx() ctx: Context,
  ): Promise<BuyerRequestRow> {
    return ctx.services.procurement.close(ctx.viewer, input);
  }

  @Mutation(() => SupplierAnswer, { description: "The buyer's representatives: SUBMITTED → SHORTLISTED" })
  shortlistAnswer(
    @Arg("id", () => ID) id: string,
    @Arg("version", () => Int) version: number,
    @Ctx() ctx: Context,
  ): Promise<SupplierAnswerRow> {
    return ctx.services.procurementAnswers.shortlist(ctx.viewer, id, version);
  }

  @Mutation(() => SupplierAnswer, {
    description: "A representative of a supplier (with a supplier profile) answers an OPEN request before its deadline",
  })
  answerBuyerRequest(
    @Arg("input", () => AnswerBuyerRequestInput) input: AnswerBuyerRequestInput,
    @Ctx() ctx: Context,
  ): Promise<SupplierAnswerRow> {
    return ctx.services.procurementAnswers.answer(ctx.viewer, input);
  }

  @Mutation(() => SupplierAnswer, { description: "The supplier corrects its answer while the request takes answers" })
  updateSupplierAnswer(
    @Arg("input", () => UpdateSupplierAnswerInput) input: UpdateSupplierAnswerInput,
    @Ctx() ctx: Context,
  ): Promise<SupplierAnswerRow> {
    return ctx.services.procurementAnswers.update(ctx.viewer, input);
  }

  @Mutation(() => SupplierAnswer, { description: "The supplier withdraws its answer before the buyer decides" })
  withdrawSupplierAnswer(
    @Arg("id", () => ID) id: string,
    @Arg("version", () => Int) version: number,
    @Ctx() ctx: Context,
  ): Promise<SupplierAnswerRow> {
    return ctx.services.procurementAnswers.withdraw(ctx.viewer, id, version);
  }
}
