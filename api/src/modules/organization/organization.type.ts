import { Field, Float, ID, ObjectType, registerEnumType } from "type-graphql";
import { User } from "../identity/user.type.js";

export enum OrganizationCategory {
  PUBLIC_SECTOR = "PUBLIC_SECTOR",
  FINANCE_AND_PHILANTHROPY = "FINANCE_AND_PHILANTHROPY",
  SKILLS_AND_FACILITIES = "SKILLS_AND_FACILITIES",
  THIRD_SECTOR_AND_CULTURE = "THIRD_SECTOR_AND_CULTURE",
  RESEARCH_AND_TECH_TRANSFER = "RESEARCH_AND_TECH_TRANSFER",
  INCUBATORS_AND_ACCELERATORS = "INCUBATORS_AND_ACCELERATORS",
  PRIVATE_SECTOR = "PRIVATE_SECTOR",
  PROFESSIONAL_ORDERS = "PROFESSIONAL_ORDERS",
}
registerEnumType(OrganizationCategory, { name: "OrganizationCategory" });

export enum OrganizationRole {
  REPRESENTATIVE = "REPRESENTATIVE",
  MEMBER = "MEMBER",
}
registerEnumType(OrganizationRole, {
  name: "OrganizationRole",
  description: "A person's role in a partner organisation",
});

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
