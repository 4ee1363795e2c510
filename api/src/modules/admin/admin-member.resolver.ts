import type { UserRow } from "@pratica/db";
import { DateTimeISOResolver } from "graphql-scalars";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { connectionComplexity, toConnection } from "../../core/connection.type.js";
import type { Context } from "../../core/context.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { canSeePrivateProfile } from "../identity/user.policy.js";
import { User } from "../identity/user.type.js";
import { AdminUserConnection } from "./admin.type.js";

/** Accounts in the admin area: platform admins only (admin.policy.ts). */
@Resolver(() => User)
export class AdminMemberResolver {
  @Query(() => AdminUserConnection, {
    complexity: connectionComplexity,
    description: "Accounts whose email or name contains `query`, newest first; admins only",
  })
  async adminUsers(
    @Arg("query", () => String, { nullable: true }) query: string | null,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    const { page, totalCount } = await ctx.services.memberAdmin.search(ctx.viewer, query, { first, after });
    return toConnection(page, totalCount);
  }

  @FieldResolver(() => DateTimeISOResolver, {
    nullable: true,
    description: "When the address was confirmed (null: not yet); the user themself and admins only",
  })
  @ViewerDependent()
  emailVerifiedAt(@Root() user: UserRow, @Ctx() ctx: Context): Date | null {
    return canSeePrivateProfile(ctx.viewer, user) ? user.emailVerifiedAt : null;
  }

  @Mutation(() => User, { description: "Admins only" })
  grantAdmin(@Arg("userId", () => ID) userId: string, @Ctx() ctx: Context): Promise<UserRow> {
    return ctx.services.memberAdmin.grantAdmin(ctx.viewer, userId);
  }

  @Mutation(() => User, { description: "Admins only; the last admin stays (CONFLICT)" })
  revokeAdmin(@Arg("userId", () => ID) userId: string, @Ctx() ctx: Context): Promise<UserRow> {
    return ctx.services.memberAdmin.revokeAdmin(ctx.viewer, userId);
  }

  @Mutation(() => Boolean, { description: "Admins only: sends the account a password-reset link" })
  async adminSendPasswordReset(@Arg("userId", () => ID) userId: string, @Ctx() ctx: Context): Promise<boolean> {
    await ctx.services.memberAdmin.sendResetLink(ctx.viewer, userId);
    return true;
  }
}
