import type { UserRow } from "@pratica/db";
import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { Context } from "../../core/context.js";
import { OpenToRestricted } from "../../core/open-to-restricted.js";
import { OpenToUnconfirmed } from "../../core/open-to-unconfirmed.js";
import { ChangeEmailInput, ChangePasswordInput, ResetPasswordInput } from "./auth.input.js";
import type { SignedIn } from "./identity.service.js";
import { signIn } from "./sign-in.js";
import { AuthPayload, User } from "./user.type.js";

/** The account's own mutations: confirming, recovering, changing the password or address, sessions. */
@Resolver()
export class AccountResolver {
  @OpenToRestricted()
  @OpenToUnconfirmed()
  @Mutation(() => User, { description: "Confirms the address with the link sent to it; needs no login" })
  confirmEmail(@Arg("token", () => String) token: string, @Ctx() ctx: Context): Promise<UserRow> {
    return ctx.services.emailVerification.confirm(ctx.viewer, token);
  }

  @OpenToRestricted()
  @OpenToUnconfirmed()
  @Mutation(() => Boolean, { description: "Sends the confirmation link again (a few times an hour at most)" })
  async resendEmailConfirmation(@Ctx() ctx: Context): Promise<boolean> {
    await ctx.services.emailVerification.resend(ctx.viewer);
    return true;
  }

  @OpenToRestricted()
  @OpenToUnconfirmed()
  @Mutation(() => Boolean, {
    description: "Always true: an email goes out only if an account has that address, and the answer never says",
  })
  async requestPasswordReset(@Arg("email", () => String) email: string, @Ctx() ctx: Context): Promise<boolean> {
    await ctx.services.passwordReset.request({ email }, ctx.caller);
    return true;
  }

  @OpenToRestricted()
  @OpenToUnconfirmed()
  @Mutation(() => AuthPayload, {
    description: "Sets a new password from a reset link, logs every device out, and logs in",
  })
  async resetPassword(
    @Arg("input", () => ResetPasswordInput) input: ResetPasswordInput,
    @Ctx() ctx: Context,
  ): Promise<SignedIn> {
    return signIn(ctx, await ctx.services.passwordReset.reset(input, ctx.caller));
  }

  @OpenToRestricted()
  @OpenToUnconfirmed()
  @Mutation(() => Boolean, { description: "Needs the current password; logs the other devices out" })
  async changePassword(
    @Arg("input", () => ChangePasswordInput) input: ChangePasswordInput,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    await ctx.services.accountSecurity.changePassword(ctx.viewer, input, ctx.caller);
    return true;
  }

  @OpenToRestricted()
  @OpenToUnconfirmed()
  @Mutation(() => Boolean, { description: "Sends a confirmation link to the new address; the change waits for it" })
  async changeEmail(
    @Arg("input", () => ChangeEmailInput) input: ChangeEmailInput,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    await ctx.services.accountSecurity.changeEmail(ctx.viewer, input, ctx.caller);
    return true;
  }

  @OpenToRestricted()
  @OpenToUnconfirmed()
  @Mutation(() => User, { description: "Applies an address change with the link sent to the new address" })
  confirmEmailChange(@Arg("token", () => String) token: string, @Ctx() ctx: Context): Promise<UserRow> {
    return ctx.services.accountSecurity.confirmEmailChange(ctx.viewer, token);
  }

  @OpenToRestricted()
  @OpenToUnconfirmed()
  @Mutation(() => Boolean, { description: "Logs one of the viewer's sessions out (the current one too)" })
  async revokeSession(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    await ctx.services.sessions.revokeOwn(ctx.viewer, id);
    if (ctx.viewer?.sessionId === id) ctx.sessionCookie.clear();
    return true;
  }
}
