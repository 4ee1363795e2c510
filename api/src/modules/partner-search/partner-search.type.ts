import { consortiumRole, partnerInterestStatus, partnerSearchKind, partnerSearchStatus } from "@pratica/db";
import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { graphqlEnum } from "../../core/enums.js";

export const PartnerSearchKind = graphqlEnum(partnerSearchKind.enumValues, {
  name: "PartnerSearchKind",
  description: "SEEKING: the organisation looks for partners; OFFERING: it offers itself to a consortium",
});
export type PartnerSearchKind = (typeof PartnerSearchKind)[keyof typeof PartnerSearchKind];

export const ConsortiumRole = graphqlEnum(consortiumRole.enumValues, {
  name: "ConsortiumRole",
  description: "The role in a consortium: its lead (coordinator), a partner, or an associated partner",
});
export type ConsortiumRole = (typeof ConsortiumRole)[keyof typeof ConsortiumRole];

export const PartnerSearchStatus = graphqlEnum(partnerSearchStatus.enumValues, {
  name: "PartnerSearchStatus",
  description: "OPEN takes interest; CLOSED by the publisher; WITHDRAWN by the publisher (hidden from the public)",
});
export type PartnerSearchStatus = (typeof PartnerSearchStatus)[keyof typeof PartnerSearchStatus];

export const PartnerInterestStatus = graphqlEnum(partnerInterestStatus.enumValues, {
  name: "PartnerInterestStatus",
  description: "PENDING until the publisher confirms or declines; WITHDRAWN by the interested organisation",
});
export type PartnerInterestStatus = (typeof PartnerInterestStatus)[keyof typeof PartnerInterestStatus];

export const InterestDecision = graphqlEnum(["CONFIRM", "DECLINE"] as const, {
  name: "InterestDecision",
  description: "The publisher's answer to a PENDING interest",
});
export type InterestDecision = (typeof InterestDecision)[keyof typeof InterestDecision];

/**
 * An organisation's search for partners (or offer to join) for one funding call. The stored
 * columns; the edges and the viewer's abilities are in partner-search-fields.resolver.ts.
 */
@ObjectType("PartnerSearch", {
  description: "An organisation looking for partners, or offering itself, for a funding call",
})
export class PartnerSearch {
  @Field(() => ID) id!: string;
  @Field(() => PartnerSearchKind) kind!: PartnerSearchKind;
  @Field(() => ConsortiumRole, { description: "SEEKING: the role sought; OFFERING: the role offered" })
  role!: ConsortiumRole;
  @Field(() => String) expertise!: string;
  @Field(() => [String], { description: "ISO 3166-1 alpha-2 codes (names: Intl.DisplayNames)" }) countries!: string[];
  @Field(() => String) description!: string;
  @Field(() => PartnerSearchStatus) status!: PartnerSearchStatus;
  @Field(() => Int, { description: "Sent back as `version` by every change" }) version!: number;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
  @Field(() => DateTimeISOResolver) updatedAt!: Date;
}

@ObjectType("PartnerInterest", { description: "An organisation's interest in a partner search" })
export class PartnerInterest {
  @Field(() => ID) id!: string;
  @Field(() => ConsortiumRole, { description: "The role the interested organisation would take" })
  role!: ConsortiumRole;
  @Field(() => String) message!: string;
  @Field(() => PartnerInterestStatus) status!: PartnerInterestStatus;
  @Field(() => Int) version!: number;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
  @Field(() => DateTimeISOResolver, { nullable: true }) decidedAt!: Date | null;
}

/** The ids of a search's private space; its fields resolve to the community, thread and document. */
@ObjectType("ConsortiumSpace", {
  description: "The private space of a partner search: a members-only community, its thread and the proposal",
})
export class ConsortiumSpace {
  communityId!: string;
  threadId!: string;
  deliverableId!: string;
}

/** An organisation's HUB page: its fields resolve in opportunities.resolver.ts. */
@ObjectType("MyOpportunities", { description: "What the HUB holds for one organisation, for its people" })
export class MyOpportunities {
  organizationId!: string;
}
