import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../core/context.js";
import { OpenToUnconfirmed } from "../../core/open-to-unconfirmed.js";
import type { SignedIn } from "../identity/identity.service.js";
import { signIn } from "../identity/sign-in.js";
import { AuthPayload } from "../identity/user.type.js";
import { AcceptInvitationInput, InviteRepresentativeInput } from "./admin.input.js";
import { Invitation } from "./admin.type.js";
import type { InvitationPreview } from "./invitation.service.js";

@Resolver()
export class InvitationResolver {
  @Mutation(() => Boolean, { description: "Admins only: emails an invitation to represent the organisation" })
  async inviteRepresentative(
    @Arg("input", () => InviteRepresentativeInput) input: InviteRepresentativeInput,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    await ctx.services.invitations.inviteRepresentative(ctx.viewer, input);
    return true;
  }

  @Query(() => Invitation, {
    description: "What an invitation link offers; a used, expired or unknown token is BAD_USER_INPUT on `token`",
  })
  invitation(@Arg("token", () => String) token: string, @Ctx() ctx: Context): Promise<InvitationPreview> {
    return ctx.services.invitations.preview(token);
  }

  @Mutation(() => AuthPayload, {
    description:
      "Creates the invited account (verified) or links the logged-in one with the invited address, and signs in",
  })
  // Open to an unconfirmed account: the link proves its address, and accepting confirms it.
  @OpenToUnconfirmed()
  async acceptInvitation(
    @Arg("input", () => AcceptInvitationInput) input: AcceptInvitationInput,
    @Ctx() ctx: Context,
  ): Promise<SignedIn> {
    return signIn(ctx, await ctx.services.invitations.accept(ctx.viewer, input, ctx.caller));
  }
}
