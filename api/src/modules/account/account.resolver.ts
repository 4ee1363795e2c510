import type { UserRow } from "@pratica/db";
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { User } from "../identity/user.type.js";
import { DeleteAccountInput } from "./account.input.js";

@Resolver(() => User)
export class AccountResolver {
  @Mutation(() => Boolean, {
    description:
      "Deletes the viewer's account: personal data erased, sessions ended; what they wrote stays, by a former member, unless eraseContent",
  })
  async deleteAccount(
    @Arg("input", () => DeleteAccountInput) input: DeleteAccountInput,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    await ctx.services.accountDeletion.delete(ctx.viewer, input);
    ctx.sessionCookie.clear();
    return true;
  }

  @FieldResolver(() => Boolean, {
    description: "A deleted account: show it as “former member”; its name and handle are placeholders",
  })
  deleted(@Root() user: UserRow): boolean {
    return user.deletedAt != null;
  }
}
