import { DateTimeISOResolver, JSONObjectResolver } from "graphql-scalars";
import { Field, ID, ObjectType } from "type-graphql";
import { Connection } from "../../core/connection.type.js";
import { User } from "../identity/user.type.js";
import { Organization } from "../organization/organization.type.js";

@ObjectType("AuditEntry", { description: "One admin action: who, when, what, on what, before and after" })
export class AuditEntry {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: "e.g. community.create, organization.update, user.grant_admin" })
  action!: string;
  @Field(() => String) targetKind!: string;
  @Field(() => ID, { nullable: true }) targetId!: string | null;
  @Field(() => User, { nullable: true, description: "Null for the command line (admin:invite)" })
  actor!: User | null;
  @Field(() => JSONObjectResolver, { nullable: true }) before!: Record<string, unknown> | null;
  @Field(() => JSONObjectResolver, { nullable: true }) after!: Record<string, unknown> | null;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
}

@ObjectType("AuditEntryConnection")
export class AuditEntryConnection extends Connection(AuditEntry, "AuditEntry") {}

@ObjectType("AdminUserConnection")
export class AdminUserConnection extends Connection(User, "AdminUser") {}

@ObjectType("Invitation", { description: "What an invitation link offers, shown before it is accepted" })
export class Invitation {
  @Field(() => String, { description: "The invited address" }) email!: string;
  @Field(() => String, { description: "REPRESENTATIVE, MEMBER (a colleague in the organisation) or ADMIN" })
  role!: string;
  @Field(() => Organization, { nullable: true }) organization!: Organization | null;
  @Field(() => Boolean, { description: "An account with this address exists: accepting needs it logged in" })
  accountExists!: boolean;
  @Field(() => DateTimeISOResolver) expiresAt!: Date;
}
