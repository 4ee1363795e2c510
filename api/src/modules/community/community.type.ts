import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Connection } from "../../core/connection.type.js";

export enum CommunityVisibility {
  PUBLIC = "PUBLIC",
  MEMBERS = "MEMBERS",
}
registerEnumType(CommunityVisibility, {
  name: "CommunityVisibility",
  description: "PUBLIC: anyone reads, members write. MEMBERS: members only.",
});

export enum JoinPolicy {
  OPEN = "OPEN",
  APPROVAL = "APPROVAL",
}
registerEnumType(JoinPolicy, {
  name: "JoinPolicy",
  description: "OPEN: join at once. APPROVAL: a facilitator decides.",
});

export enum MembershipRole {
  MEMBER = "MEMBER",
  FACILITATOR = "FACILITATOR",
}
registerEnumType(MembershipRole, { name: "MembershipRole" });

export enum MembershipStatus {
  ACTIVE = "ACTIVE",
  PENDING = "PENDING",
}
registerEnumType(MembershipStatus, { name: "MembershipStatus" });

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
