import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Connection } from "../../core/connection.type.js";

export enum ResourceKind {
  GUIDE = "GUIDE",
  CASE_STUDY = "CASE_STUDY",
  TOOLKIT = "TOOLKIT",
  TEMPLATE = "TEMPLATE",
  RECORDING = "RECORDING",
  COURSE = "COURSE",
  ARTICLE = "ARTICLE",
}
registerEnumType(ResourceKind, { name: "ResourceKind" });

export enum ResourceLanguage {
  it = "it",
  en = "en",
}
registerEnumType(ResourceLanguage, { name: "ResourceLanguage" });

export enum ResourceStatus {
  PROPOSED = "PROPOSED",
  CHANGES_REQUESTED = "CHANGES_REQUESTED",
  PUBLISHED = "PUBLISHED",
  FEATURED = "FEATURED",
  REJECTED = "REJECTED",
  ARCHIVED = "ARCHIVED",
}
registerEnumType(ResourceStatus, { name: "ResourceStatus" });

export enum ResourceDecision {
  PUBLISH = "PUBLISH",
  FEATURE = "FEATURE",
  UNFEATURE = "UNFEATURE",
  REQUEST_CHANGES = "REQUEST_CHANGES",
  REJECT = "REJECT",
  ARCHIVE = "ARCHIVE",
}
registerEnumType(ResourceDecision, { name: "ResourceDecision", description: "A facilitator's curation decision" });

/** What a history record says happened: any decision, or the proposer's resubmission. */
export const ResourceDecisionKind = { ...ResourceDecision, RESUBMIT: "RESUBMIT" } as const;
export type ResourceDecisionKind = (typeof ResourceDecisionKind)[keyof typeof ResourceDecisionKind];
registerEnumType(ResourceDecisionKind, {
  name: "ResourceDecisionKind",
  description: "What happened: a decision, or the proposer's resubmission",
});

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
  @Field(() => String) title!: string;
  @Field(() => String) summary!: string;
  @Field(() => String, { description: "Markdown" }) body!: string;
  @Field(() => String, { nullable: true, description: "An http(s) link" }) url!: string | null;
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
