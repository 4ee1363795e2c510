import { locale } from "@pratica/db";
import { DateTimeISOResolver } from "graphql-scalars";
import { Field, Float, ID, InputType, Int } from "type-graphql";
import { graphqlEnum } from "../../core/enums.js";
import { CommunityVisibility, JoinPolicy } from "../community/community.type.js";
import { OrganizationCategory } from "../organization/organization.type.js";

// Shapes only: the rules (lengths, formats, both coordinates or neither) live in admin.rules.ts.

// Named for its one use, so that no other module's language enum (account preferences) clashes with it.
export const InvitationLanguage = graphqlEnum(locale.enumValues, {
  name: "InvitationLanguage",
  description: "The invitee's language: it (Italian) or en (English)",
});
export type InvitationLanguage = (typeof InvitationLanguage)[keyof typeof InvitationLanguage];

@InputType("CreateCommunityInput")
export class CreateCommunityInput {
  @Field(() => String) slug!: string;
  @Field(() => String) nameIt!: string;
  @Field(() => String) nameEn!: string;
  @Field(() => String, { nullable: true }) taglineIt?: string | null;
  @Field(() => String, { nullable: true }) taglineEn?: string | null;
  @Field(() => String, { nullable: true }) descriptionIt?: string | null;
  @Field(() => String, { nullable: true }) descriptionEn?: string | null;
  @Field(() => String, { nullable: true, description: "#rrggbb" }) color?: string | null;
  @Field(() => CommunityVisibility, { nullable: true }) visibility?: CommunityVisibility | null;
  @Field(() => JoinPolicy, { nullable: true }) joinPolicy?: JoinPolicy | null;
  @Field(() => [String], { nullable: true, description: "Theme keys (`themes`); left out, an edit keeps them" })
  themes?: string[] | null;
}

@InputType("UpdateCommunityInput")
export class UpdateCommunityInput extends CreateCommunityInput {
  @Field(() => ID) id!: string;
  @Field(() => DateTimeISOResolver, { description: "The `updatedAt` the edit started from; a newer one is a CONFLICT" })
  expectedUpdatedAt!: Date;
}

@InputType("CreateOrganizationInput")
export class CreateOrganizationInput {
  @Field(() => String) slug!: string;
  @Field(() => String) nameIt!: string;
  @Field(() => String) nameEn!: string;
  @Field(() => String, { nullable: true }) descriptionIt?: string | null;
  @Field(() => String, { nullable: true }) descriptionEn?: string | null;
  @Field(() => OrganizationCategory) category!: OrganizationCategory;
  @Field(() => String, { nullable: true }) website?: string | null;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field(() => Float, { nullable: true }) latitude?: number | null;
  @Field(() => Float, { nullable: true }) longitude?: number | null;
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD" }) memorandumSignedOn?: string | null;
  @Field(() => String, { nullable: true, description: "The city district; left out, an edit keeps it" })
  district?: string | null;
  @Field(() => [String], { nullable: true, description: "Theme keys (`themes`); left out, an edit keeps them" })
  themes?: string[] | null;
  @Field(() => [Int], { nullable: true, description: "2030 Agenda goals, 1..17; left out, an edit keeps them" })
  sdgs?: number[] | null;
}

@InputType("UpdateOrganizationInput")
export class UpdateOrganizationInput extends CreateOrganizationInput {
  @Field(() => ID) id!: string;
  @Field(() => DateTimeISOResolver, { description: "The `updatedAt` the edit started from; a newer one is a CONFLICT" })
  expectedUpdatedAt!: Date;
}

@InputType("InviteRepresentativeInput")
export class InviteRepresentativeInput {
  @Field(() => ID) organizationId!: string;
  @Field(() => String) email!: string;
  @Field(() => InvitationLanguage, { nullable: true, description: "The invitee's language (default it)" })
  locale?: InvitationLanguage | null;
}

@InputType("AcceptInvitationInput")
export class AcceptInvitationInput {
  @Field(() => String) token!: string;
  @Field(() => String, { nullable: true, description: "Required when the address has no account yet" })
  displayName?: string | null;
  @Field(() => String, { nullable: true, description: "Required when the address has no account yet" })
  password?: string | null;
}
