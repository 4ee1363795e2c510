import { organizationCategory, organizationRole } from "@pratica/db";
import { Field, Float, ID, ObjectType } from "type-graphql";
import { graphqlEnum } from "../../core/enums.js";
import { User } from "../identity/user.type.js";

export const OrganizationCategory = graphqlEnum(organizationCategory.enumValues, { name: "OrganizationCategory" });
export type OrganizationCategory = (typeof OrganizationCategory)[keyof typeof OrganizationCategory];

export const OrganizationRole = graphqlEnum(organizationRole.enumValues, {
  name: "OrganizationRole",
  description: "A person's role in a partner organisation",
});
export type OrganizationRole = (typeof OrganizationRole)[keyof typeof OrganizationRole];

@ObjectType("Organization", { description: "A partner organisation of the ecosystem" })
export class Organization {
  @Field(() => ID) id!: string;
  @Field(() => String) slug!: string;
  @Field(() => String) name!: string;
  @Field(() => OrganizationCategory) category!: OrganizationCategory;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => String, { nullable: true }) website!: string | null;
  @Field(() => String, { nullable: true }) address!: string | null;
  @Field(() => Float, { nullable: true }) latitude!: number | null;
  @Field(() => Float, { nullable: true }) longitude!: number | null;
  @Field(() => String, { nullable: true, description: "Date (YYYY-MM-DD) the memorandum of understanding was signed" })
  memorandumSignedOn!: string | null;
}

@ObjectType("OrganizationMembership")
export class OrganizationMembership {
  @Field(() => ID) id!: string;
  @Field(() => OrganizationRole) role!: OrganizationRole;
  @Field(() => Organization) organization!: Organization;
  @Field(() => User) user!: User;
  organizationId!: string;
  userId!: string;
}
