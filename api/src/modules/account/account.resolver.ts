import type { UserRow } from "@pratica/db";
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { OpenToRestricted } from "../../core/open-to-restricted.js";
import { OpenToUnconfirmed } from "../../core/open-to-unconfirmed.js";
import { User } from "../identity/user.type.js";
import { DeleteAccountInput } from "./account.input.js";

const FORMER_MEMBER = { en: "Former member", it: "Ex membro" } as const;

@Resolver(() => User)
export class AccountResolver {
  @OpenToRestricted()
  @OpenToUnconfirmed()
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

  // Wherever an author appears, a deleted account reads "Former member" in the reader's language
  // (the web sends the language it shows); the stored placeholder is the English one.
  @FieldResolver(() => String)
  displayName(@Root() user: UserRow, @Ctx() ctx: Context): string {
    return user.deletedAt != null ? FORMER_MEMBER[ctx.caller.locale] : user.displayName;
  }
}
