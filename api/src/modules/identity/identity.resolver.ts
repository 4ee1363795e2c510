import type { UserRow } from "@pratica/db";
import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../core/context.js";
import { OpenToRestricted } from "../../core/open-to-restricted.js";
import { OpenToUnconfirmed } from "../../core/open-to-unconfirmed.js";
import { LoginInput, RegisterInput, UpdateProfileInput } from "./auth.input.js";
import type { SignedIn } from "./identity.service.js";
import { signIn } from "./sign-in.js";
import { AuthPayload, User } from "./user.type.js";

@Resolver()
export class IdentityResolver {
  @Query(() => User, { nullable: true, description: "The logged-in user, or null when anonymous" })
  viewer(@Ctx() { viewer, loaders }: Context): Promise<UserRow | null> | null {
    return viewer ? loaders.userById.load(viewer.id) : null;
  }

  @OpenToRestricted()
  @OpenToUnconfirmed()
  @Mutation(() => AuthPayload)
  async register(@Arg("input", () => RegisterInput) input: RegisterInput, @Ctx() ctx: Context): Promise<SignedIn> {
    return signIn(ctx, await ctx.services.identity.register(input, ctx.caller));
  }

  @OpenToRestricted()
  @OpenToUnconfirmed()
  @Mutation(() => AuthPayload)
  async login(@Arg("input", () => LoginInput) input: LoginInput, @Ctx() ctx: Context): Promise<SignedIn> {
    return signIn(ctx, await ctx.services.identity.login(input, ctx.caller));
  }

  @OpenToRestricted()
  @OpenToUnconfirmed()
  @Mutation(() => Boolean, { description: "Revokes the current session" })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    await ctx.services.identity.logout(ctx.viewer);
    ctx.sessionCookie.clear();
    return true;
  }

  @OpenToUnconfirmed()
  @Mutation(() => User)
  updateProfile(
    @Arg("input", () => UpdateProfileInput) input: UpdateProfileInput,
    @Ctx() ctx: Context,
  ): Promise<UserRow> {
    return ctx.services.identity.updateProfile(ctx.viewer, stripNulls(input));
  }
}

/** GraphQL null means "leave unchanged" for optional profile fields. */
function stripNulls<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v != null)) as Partial<T>;
}
