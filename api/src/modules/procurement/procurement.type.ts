import { budgetBand, buyerRequestState, supplierAnswerStatus } from "@pratica/db";
import { DateTimeISOResolver } from "graphql-scalars";
import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Connection } from "../../core/connection.type.js";
import { graphqlEnum } from "../../core/enums.js";
import { CertificationKind } from "../suppliers/suppliers.type.js";

export const BuyerRequestState = graphqlEnum(buyerRequestState.enumValues, {
  name: "BuyerRequestState",
  description: "Where a buyer request stands: DRAFT → OPEN → SHORTLISTING → AWARDED | CLOSED",
});
export type BuyerRequestState = (typeof BuyerRequestState)[keyof typeof BuyerRequestState];

export const BudgetBand = graphqlEnum(budgetBand.enumValues, {
  name: "BudgetBand",
  description: "The request's value in euro, in the bands of Italian and EU procurement law",
});
export type BudgetBand = (typeof BudgetBand)[keyof typeof BudgetBand];

export const SupplierAnswerStatus = graphqlEnum(supplierAnswerStatus.enumValues, {
  name: "SupplierAnswerStatus",
  description: "Where a supplier's answer stands",
});
export type SupplierAnswerStatus = (typeof SupplierAnswerStatus)[keyof typeof SupplierAnswerStatus];

/**
 * A buyer's request for a supply or a service (docs/buy-social-requests.md). Public once OPEN; a
 * DRAFT is its buyer's only. The edges and the viewer-dependent fields are in request-fields.resolver.ts.
 */
@ObjectType("BuyerRequest", { description: "A partner organisation's request for suppliers" })
export class BuyerRequest {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { description: "Plain text, as the buyer wrote it" }) description!: string;
  @Field(() => Boolean, { description: "The whole metropolitan area (then `area` is empty)" })
  wholeMetroArea!: boolean;
  @Field(() => BudgetBand) budgetBand!: BudgetBand;
  @Field(() => DateTimeISOResolver, { description: "Answers are taken until then" }) deadlineAt!: Date;
  @Field(() => [CertificationKind], { description: "Certifications the buyer prefers (a ranking boost, not a filter)" })
  preferredCertifications!: CertificationKind[];
  @Field(() => BuyerRequestState) state!: BuyerRequestState;
  @Field(() => DateTimeISOResolver, { nullable: true }) openedAt!: Date | null;
  @Field(() => Float, { nullable: true, description: "Whole euro, once awarded" }) awardedAmount!: number | null;
  @Field(() => DateTimeISOResolver, { nullable: true }) awardedAt!: Date | null;
  @Field(() => String, { nullable: true, description: "The outcome: why it was awarded, or why it closed" })
  outcomeNote!: string | null;
  @Field(() => DateTimeISOResolver, { nullable: true }) closedAt!: Date | null;
  @Field(() => Int, { description: "Sent back as `version` by every change" }) version!: number;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
  @Field(() => DateTimeISOResolver) updatedAt!: Date;
}

@ObjectType("SupplierAnswer", { description: "A supplier's private answer: the buyer's people and its own only" })
export class SupplierAnswer {
  @Field(() => ID) id!: string;
  @Field(() => String) body!: string;
  @Field(() => Float, { nullable: true, description: "The proposed amount, whole euro" }) amount!: number | null;
  @Field(() => SupplierAnswerStatus) status!: SupplierAnswerStatus;
  @Field(() => Int) version!: number;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
  @Field(() => DateTimeISOResolver) updatedAt!: Date;
}

@ObjectType("BuyerRequestConnection")
export class BuyerRequestConnection extends Connection(BuyerRequest, "BuyerRequest") {}
