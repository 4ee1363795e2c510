import { communityVisibility, joinPolicy, membershipRole, membershipStatus } from "@pratica/db";
import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, ObjectType } from "type-graphql";
import { Connection } from "../../core/connection.type.js";
import { graphqlEnum } from "../../core/enums.js";

export const CommunityVisibility = graphqlEnum(communityVisibility.enumValues, {
  name: "CommunityVisibility",
  description: "PUBLIC: anyone reads, members write. MEMBERS: members only.",
});
export type CommunityVisibility = (typeof CommunityVisibility)[keyof typeof CommunityVisibility];

export const JoinPolicy = graphqlEnum(joinPolicy.enumValues, {
  name: "JoinPolicy",
  description: "OPEN: join at once. APPROVAL: a facilitator decides.",
});
export type JoinPolicy = (typeof JoinPolicy)[keyof typeof JoinPolicy];

export const MembershipRole = graphqlEnum(membershipRole.enumValues, { name: "MembershipRole" });
export type MembershipRole = (typeof MembershipRole)[keyof typeof MembershipRole];

export const MembershipStatus = graphqlEnum(membershipStatus.enumValues, { name: "MembershipStatus" });
export type MembershipStatus = (typeof MembershipStatus)[keyof typeof MembershipStatus];

@ObjectType("Community", { description: "A community of practice" })
export class Community {
  @Field(() => ID) id!: string;
  @Field(() => String) slug!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: "One sentence about the community" }) tagline!: string;
  @Field(() => String, { description: "Plain text, paragraphs separated by blank lines" }) description!: string;
  @Field(() => String, { description: "The community's accent colour, #rrggbb" }) color!: string;
  @Field(() => CommunityVisibility) visibility!: CommunityVisibility;
  @Field(() => JoinPolicy) joinPolicy!: JoinPolicy;
  @Field(() => String, { description: "The Italian name (`name` shows the caller's language)" }) nameIt!: string;
  @Field(() => String) taglineIt!: string;
  @Field(() => String) descriptionIt!: string;
}

@ObjectType("CommunityMembership")
export class CommunityMembership {
  @Field(() => ID) id!: string;
  @Field(() => MembershipRole) role!: MembershipRole;
  @Field(() => MembershipStatus) status!: MembershipStatus;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
}

@ObjectType("CommunityMemberConnection")
export class CommunityMemberConnection extends Connection(CommunityMembership, "CommunityMember") {}
