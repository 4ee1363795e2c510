import { Field, Float, ID, InputType, Int } from "type-graphql";
import { OrganizationCategory } from "../organization/organization.type.js";
import { ApplicationDecision } from "./membership-application.type.js";

// Shapes only: the rules (lengths, vocabulary, coordinates, emails) live in membership-application.rules.ts.

@InputType("MembershipApplicationInput")
export class MembershipApplicationInput {
  @Field(() => String) nameEn!: string;
  @Field(() => String, { nullable: true }) nameIt?: string | null;
  @Field(() => OrganizationCategory) category!: OrganizationCategory;
  @Field(() => String) descriptionEn!: string;
  @Field(() => String, { nullable: true }) descriptionIt?: string | null;
  @Field(() => String, { nullable: true }) website?: string | null;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field(() => String, { nullable: true }) district?: string | null;
  @Field(() => Float, { nullable: true }) latitude?: number | null;
  @Field(() => Float, { nullable: true }) longitude?: number | null;
  @Field(() => [String], { nullable: true, description: "Theme keys (Query.themes)" }) themes?: string[] | null;
  @Field(() => [Int], { nullable: true, description: "Goals 1..17" }) sdgs?: number[] | null;
  @Field(() => [ID], { nullable: true, description: "The communities it is interested in" })
  communityIds?: string[] | null;
  @Field(() => String) motivation!: string;
  @Field(() => String) contactName!: string;
  @Field(() => String) contactEmail!: string;
  @Field(() => String, { nullable: true }) contactPhone?: string | null;
  @Field(() => String) representativeName!: string;
  @Field(() => String) representativeEmail!: string;
}

@InputType("UpdateApplicationInput")
export class UpdateApplicationInput {
  @Field(() => ID) applicationId!: string;
  @Field(() => Int) expectedVersion!: number;
  @Field(() => MembershipApplicationInput) application!: MembershipApplicationInput;
  @Field(() => String, { nullable: true, description: "The answer, when more information was asked for" })
  message?: string | null;
}

@InputType("WithdrawApplicationInput")
export class WithdrawApplicationInput {
  @Field(() => ID) applicationId!: string;
  @Field(() => Int) expectedVersion!: number;
}

@InputType("DecideApplicationInput")
export class DecideApplicationInput {
  @Field(() => ID) applicationId!: string;
  @Field(() => ApplicationDecision) decision!: ApplicationDecision;
  @Field(() => String, { nullable: true, description: "Required to ask for more or to decline" })
  message?: string | null;
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD, not in the future: required to accept" })
  signedOn?: string | null;
  @Field(() => Int) expectedVersion!: number;
}
