import { resourceDecision, resourceKind, resourceLanguage, resourceStatus } from "@pratica/db";
import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Connection } from "../../core/connection.type.js";
import { graphqlEnum } from "../../core/enums.js";
import { CURATION_DECISIONS } from "./resource.rules.js";

export const ResourceKind = graphqlEnum(resourceKind.enumValues, { name: "ResourceKind" });
export type ResourceKind = (typeof ResourceKind)[keyof typeof ResourceKind];

export const ResourceLanguage = graphqlEnum(resourceLanguage.enumValues, { name: "ResourceLanguage" });
export type ResourceLanguage = (typeof ResourceLanguage)[keyof typeof ResourceLanguage];

export const ResourceStatus = graphqlEnum(resourceStatus.enumValues, { name: "ResourceStatus" });
export type ResourceStatus = (typeof ResourceStatus)[keyof typeof ResourceStatus];

export const ResourceDecision = graphqlEnum(CURATION_DECISIONS, {
  name: "ResourceDecision",
  description: "A facilitator's curation decision",
});
export type ResourceDecision = (typeof ResourceDecision)[keyof typeof ResourceDecision];

/** What a history record says happened: any decision, or the proposer's resubmission. */
export const ResourceDecisionKind = graphqlEnum(resourceDecision.enumValues, {
  name: "ResourceDecisionKind",
  description: "What happened: a decision, or the proposer's resubmission",
});
export type ResourceDecisionKind = (typeof ResourceDecisionKind)[keyof typeof ResourceDecisionKind];

export enum LibrarySort {
  FEATURED_HELPFUL = "FEATURED_HELPFUL",
  NEWEST = "NEWEST",
}
registerEnumType(LibrarySort, {
  name: "LibrarySort",
  description: "FEATURED_HELPFUL: featured first, then by helpful votes",
});

@ObjectType("Resource", { description: "Peer-learning material in a community's library" })
export class Resource {
  @Field(() => ID) id!: string;
  // title, summary, body, url, host: resource-moderation.resolver.ts (blank while hidden, for others)
  @Field(() => ResourceKind) kind!: ResourceKind;
  @Field(() => ResourceLanguage) language!: ResourceLanguage;
  @Field(() => [String]) tags!: string[];
  @Field(() => ResourceStatus) status!: ResourceStatus;
  @Field(() => Int, { description: "Members who found it helpful" }) helpfulCount!: number;
  @Field(() => DateTimeISOResolver, { nullable: true }) publishedAt!: Date | null;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
  @Field(() => DateTimeISOResolver) updatedAt!: Date;
}

@ObjectType("ResourceDecisionRecord", { description: "Who decided what about a resource, when and why" })
export class ResourceDecisionRecord {
  @Field(() => ID) id!: string;
  @Field(() => ResourceDecisionKind) decision!: ResourceDecisionKind;
  @Field(() => ResourceStatus) fromStatus!: ResourceStatus;
  @Field(() => ResourceStatus) toStatus!: ResourceStatus;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
}

@ObjectType("ResourceConnection")
export class ResourceConnection extends Connection(Resource, "Resource") {}
