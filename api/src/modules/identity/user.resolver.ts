import type { UserRow } from "@pratica/db";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { canSeePrivateProfile } from "./user.policy.js";
import { User } from "./user.type.js";

/** The user's own fields; the modules that relate a user to something add theirs (User.communities…). */
@Resolver(() => User)
export class UserResolver {
  @FieldResolver(() => String, { nullable: true })
  @ViewerDependent()
  email(@Root() user: UserRow, @Ctx() ctx: Context): string | null {
    return canSeePrivateProfile(ctx.viewer, user) ? user.email : null;
  }
}
