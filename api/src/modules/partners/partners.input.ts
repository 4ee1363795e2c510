import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, InputType } from "type-graphql";
import { InvitationLanguage } from "../admin/admin.input.js";

// Shapes only: the rules live in partners.rules.ts.

@InputType("WithdrawOrganizationInput")
export class WithdrawOrganizationInput {
  @Field(() => ID) organizationId!: string;
  @Field(() => String, { description: "Why it withdraws: kept in the audit log, told to the admins" }) reason!: string;
  @Field(() => DateTimeISOResolver, {
    description: "The `updatedAt` the decision started from; a newer one is a CONFLICT",
  })
  expectedUpdatedAt!: Date;
}

@InputType("InviteOrganizationMemberInput")
export class InviteOrganizationMemberInput {
  @Field(() => ID) organizationId!: string;
  @Field(() => String) email!: string;
  @Field(() => InvitationLanguage, { nullable: true, description: "The invitee's language (default it)" })
  locale?: InvitationLanguage | null;
}
