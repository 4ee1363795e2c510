import { Field, ID, InputType, Int } from "type-graphql";
import { ConsortiumRole, InterestDecision, PartnerSearchKind } from "./partner-search.type.js";

// Shapes only: the rules live in partner-search.rules.ts.

@InputType("PublishPartnerSearchInput")
export class PublishPartnerSearchInput {
  @Field(() => ID, { description: "An organisation the viewer represents" }) organizationId!: string;
  @Field(() => ID) callId!: string;
  @Field(() => PartnerSearchKind) kind!: PartnerSearchKind;
  @Field(() => ConsortiumRole) role!: ConsortiumRole;
  @Field(() => String) expertise!: string;
  @Field(() => [String], { description: "ISO 3166-1 alpha-2 codes, upper case" }) countries!: string[];
  @Field(() => String, { nullable: true }) description?: string | null;
}

@InputType("UpdatePartnerSearchInput", { description: "Only the fields given change" })
export class UpdatePartnerSearchInput {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field(() => ConsortiumRole, { nullable: true }) role?: ConsortiumRole | null;
  @Field(() => String, { nullable: true }) expertise?: string | null;
  @Field(() => [String], { nullable: true }) countries?: string[] | null;
  @Field(() => String, { nullable: true }) description?: string | null;
}

@InputType("ExpressInterestInput")
export class ExpressInterestInput {
  @Field(() => ID) searchId!: string;
  @Field(() => ID, { description: "An organisation the viewer represents (not the publisher)" })
  organizationId!: string;
  @Field(() => ConsortiumRole) role!: ConsortiumRole;
  @Field(() => String, { nullable: true }) message?: string | null;
}

@InputType("DecideInterestInput")
export class DecideInterestInput {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field(() => InterestDecision) decision!: InterestDecision;
}
