import type { UserRow } from "@pratica/db";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { isAdmin } from "../../core/viewer.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { User } from "./user.type.js";

/** Who may see a user's private fields (their email, their memberships). */
export const isSelfOrAdmin = (ctx: Context, user: UserRow) => ctx.viewer?.id === user.id || isAdmin(ctx.viewer);

/** The user's own fields; the modules that relate a user to something add theirs (User.communities…). */
@Resolver(() => User)
export class UserResolver {
  @FieldResolver(() => String, { nullable: true })
  @ViewerDependent()
  email(@Root() user: UserRow, @Ctx() ctx: Context): string | null {
    return isSelfOrAdmin(ctx, user) ? user.email : null;
  }
}
