import { Field, ID, InputType } from "type-graphql";
import { ResourceDecision, ResourceKind, ResourceLanguage } from "./resource.type.js";

// Shapes only: the rules live in resource.rules.ts and are applied by the service.

@InputType("ProposeResourceInput")
export class ProposeResourceInput {
  @Field(() => ID) communityId!: string;
  @Field(() => String) title!: string;
  @Field(() => String) summary!: string;
  @Field(() => String, { nullable: true, description: "Markdown" }) body?: string | null;
  @Field(() => String, { nullable: true, description: "http or https only" }) url?: string | null;
  @Field(() => ResourceKind) kind!: ResourceKind;
  @Field(() => ResourceLanguage) language!: ResourceLanguage;
  @Field(() => [String], { nullable: true }) tags?: string[] | null;
}

@InputType("EditResourceInput", { description: "Omitted fields stay as they are" })
export class EditResourceInput {
  @Field(() => ID) resourceId!: string;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) summary?: string | null;
  @Field(() => String, { nullable: true }) body?: string | null;
  @Field(() => String, { nullable: true }) url?: string | null;
  @Field(() => ResourceKind, { nullable: true }) kind?: ResourceKind | null;
  @Field(() => ResourceLanguage, { nullable: true }) language?: ResourceLanguage | null;
  @Field(() => [String], { nullable: true }) tags?: string[] | null;
}

@InputType("DecideResourceInput")
export class DecideResourceInput {
  @Field(() => ID) resourceId!: string;
  @Field(() => ResourceDecision) decision!: ResourceDecision;
  @Field(() => String, { nullable: true, description: "Required to request changes or reject" }) reason?: string | null;
}
