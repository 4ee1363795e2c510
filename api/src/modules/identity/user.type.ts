import { platformRole } from "@pratica/db";
import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, ObjectType } from "type-graphql";
import { graphqlEnum } from "../../core/enums.js";

export const PlatformRole = graphqlEnum(platformRole.enumValues, { name: "PlatformRole" });
export type PlatformRole = (typeof PlatformRole)[keyof typeof PlatformRole];

// `simpleResolvers`: plain fields are read inline by graphql-jit (see thread.type.ts); `email` keeps its
// field resolver, which hides it from everyone but the user and admins.
@ObjectType("User", { simpleResolvers: true })
export class User {
  @Field(() => ID) id!: string;
  @Field(() => String) displayName!: string;
  @Field(() => String, { description: "What @mentions use, e.g. `maria-rossi`" }) handle!: string;
  @Field(() => String, { nullable: true, description: "Visible to the user themself and to admins only" })
  email!: string | null;
  @Field(() => Boolean, { nullable: true, description: "Visible to the user themself and to admins only" })
  emailVerified!: boolean | null;
  // bio and hidden: user.resolver.ts (a hidden profile's bio is null for others)
  @Field(() => PlatformRole) role!: PlatformRole;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
}

@ObjectType("AuthPayload")
export class AuthPayload {
  @Field(() => String, { description: "Send as `Authorization: Bearer <token>`; browsers also get it as a cookie" })
  token!: string;
  @Field(() => User) user!: User;
}
