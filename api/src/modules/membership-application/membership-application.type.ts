import { applicationStatus } from "@pratica/db";
import { DateTimeISOResolver } from "graphql-scalars";
import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Connection } from "../../core/connection.type.js";
import { graphqlEnum } from "../../core/enums.js";
import { OrganizationCategory } from "../organization/organization.type.js";

export const ApplicationStatus = graphqlEnum(applicationStatus.enumValues, {
  name: "ApplicationStatus",
  description: "Where an application to join the memorandum stands",
});
export type ApplicationStatus = (typeof ApplicationStatus)[keyof typeof ApplicationStatus];

export const ApplicationDecision = graphqlEnum(["ACCEPT", "REQUEST_INFO", "DECLINE"] as const, {
  name: "ApplicationDecision",
  description: "What the platform team decides on an open application",
});
export type ApplicationDecision = (typeof ApplicationDecision)[keyof typeof ApplicationDecision];

/**
 * An organisation's application to join by signing the memorandum. The whole type is private:
 * only its applicant and the platform admins reach one (membership-application.policy.ts); the
 * edges (name, themes, communities, applicant, organisation, history, viewerCan…) are in
 * application-fields.resolver.ts.
 */
@ObjectType("MembershipApplication", {
  description: "An application to join the memorandum: its applicant and the platform admins only",
})
export class MembershipApplication {
  @Field(() => ID) id!: string;
  @Field(() => ApplicationStatus) status!: ApplicationStatus;
  @Field(() => OrganizationCategory) category!: OrganizationCategory;
  @Field(() => String, { nullable: true }) website!: string | null;
  @Field(() => String, { nullable: true }) address!: string | null;
  @Field(() => String, { nullable: true }) district!: string | null;
  @Field(() => Float, { nullable: true }) latitude!: number | null;
  @Field(() => Float, { nullable: true }) longitude!: number | null;
  @Field(() => String, { description: "Why the organisation wants to join" }) motivation!: string;
  @Field(() => String) contactName!: string;
  @Field(() => String) contactEmail!: string;
  @Field(() => String, { nullable: true }) contactPhone!: string | null;
  @Field(() => String, { description: "Who will sign the memorandum and become its first representative" })
  representativeName!: string;
  @Field(() => String) representativeEmail!: string;
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD, once accepted" }) signedOn!: string | null;
  @Field(() => String, {
    nullable: true,
    description: "The last decision's question or reason, as told to the applicant",
  })
  decisionMessage!: string | null;
  @Field(() => Int, { description: "Sent back as `expectedVersion` by every change" }) version!: number;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
  @Field(() => DateTimeISOResolver) updatedAt!: Date;
  @Field(() => DateTimeISOResolver, { nullable: true }) decidedAt!: Date | null;
}

@ObjectType("ApplicationStep", { description: "One step of an application's history" })
export class ApplicationStep {
  @Field(() => ID) id!: string;
  @Field(() => ApplicationStatus, { nullable: true, description: "Null for the submission" })
  fromStatus!: ApplicationStatus | null;
  @Field(() => ApplicationStatus) toStatus!: ApplicationStatus;
  @Field(() => String, { nullable: true, description: "The question, the answer or the reason" })
  message!: string | null;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
}

@ObjectType("MembershipApplicationConnection")
export class MembershipApplicationConnection extends Connection(MembershipApplication, "MembershipApplication") {}
