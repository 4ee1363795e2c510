import { DateTimeISOResolver } from "graphql-scalars";
import { Field, Float, ID, InputType, Int } from "type-graphql";
import { CertificationKind } from "../suppliers/suppliers.type.js";
import { BudgetBand } from "./procurement.type.js";

// Shapes only: the rules (lengths, codes, amounts, the deadline) live in procurement.rules.ts.

@InputType("CreateBuyerRequestInput")
export class CreateBuyerRequestInput {
  @Field(() => ID, { description: "The buyer: an organisation the viewer represents" }) organizationId!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [String], { description: 'CPV codes, "90910000" or "90910000-9"' }) cpvCodes!: string[];
  @Field(() => [String], { nullable: true, description: "ISTAT codes of municipalities" }) area?: string[] | null;
  @Field(() => Boolean, { nullable: true }) wholeMetroArea?: boolean | null;
  @Field(() => BudgetBand) budgetBand!: BudgetBand;
  @Field(() => DateTimeISOResolver, { description: "In the future" }) deadlineAt!: Date;
  @Field(() => [CertificationKind], { nullable: true }) preferredCertifications?: CertificationKind[] | null;
}

@InputType("UpdateBuyerRequestInput")
export class UpdateBuyerRequestInput {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [String]) cpvCodes!: string[];
  @Field(() => [String], { nullable: true }) area?: string[] | null;
  @Field(() => Boolean, { nullable: true }) wholeMetroArea?: boolean | null;
  @Field(() => BudgetBand) budgetBand!: BudgetBand;
  @Field(() => DateTimeISOResolver) deadlineAt!: Date;
  @Field(() => [CertificationKind], { nullable: true }) preferredCertifications?: CertificationKind[] | null;
}

@InputType("AwardBuyerRequestInput")
export class AwardBuyerRequestInput {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field(() => ID, { description: "The winning answer (to this request, not withdrawn)" }) answerId!: string;
  @Field(() => Float, { description: "Whole euro, not negative" }) amount!: number;
  @Field(() => String, { nullable: true }) outcomeNote?: string | null;
}

@InputType("CloseBuyerRequestInput")
export class CloseBuyerRequestInput {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field(() => String, { description: "Why it closes without an award" }) outcomeNote!: string;
}

@InputType("AnswerBuyerRequestInput")
export class AnswerBuyerRequestInput {
  @Field(() => ID) requestId!: string;
  @Field(() => ID, { description: "The supplier: an organisation the viewer represents" }) organizationId!: string;
  @Field(() => String) body!: string;
  @Field(() => Float, { nullable: true, description: "Whole euro" }) amount?: number | null;
}

@InputType("UpdateSupplierAnswerInput")
export class UpdateSupplierAnswerInput {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field(() => String) body!: string;
  @Field(() => Float, { nullable: true }) amount?: number | null;
}
