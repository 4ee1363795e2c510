import type { UserRow } from "@pratica/db";
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { User } from "../identity/user.type.js";
import { canSeeTrust, canVouch, moderatesMember } from "./trust.policy.js";

/** Whether the viewer moderates the person, through the request's loaders (one query per page). */
async function moderates(ctx: Context, user: Pick<UserRow, "id">): Promise<boolean> {
  if (!ctx.viewer) return false;
  const [mine, theirs] = await Promise.all([
    ctx.loaders.membershipsByUser.load(ctx.viewer.id),
    ctx.loaders.membershipsByUser.load(user.id),
  ]);
  return moderatesMember(ctx.viewer, mine, theirs);
}

async function trusted(ctx: Context, user: Pick<UserRow, "id">): Promise<boolean> {
  const facts = await ctx.loaders.trustFacts.load(user.id);
  return facts ? ctx.services.trust.trusts(facts) : false;
}

/** The User type's trust fields and vouching: here, so that identity knows nothing of the limits. */
@Resolver(() => User)
export class UserTrustResolver {
  @FieldResolver(() => Boolean, {
    description:
      "Whether the new-member limits no longer apply (docs/moderation.md). Told to the person themself, the facilitators of their communities and admins; false for everyone else",
  })
  @ViewerDependent()
  async trusted(@Root() user: UserRow, @Ctx() ctx: Context): Promise<boolean> {
    if (!canSeeTrust(ctx.viewer, user, await moderates(ctx, user))) return false;
    return trusted(ctx, user);
  }

  @FieldResolver(() => Boolean, {
    description: "Whether the viewer may vouch for this member (vouchForMember): one who moderates a new member",
  })
  @ViewerDependent()
  async viewerCanVouch(@Root() user: UserRow, @Ctx() ctx: Context): Promise<boolean> {
    const mayModerate = await moderates(ctx, user);
    return canVouch(ctx.viewer, mayModerate, mayModerate && (await trusted(ctx, user)));
  }
}

@Resolver()
export class VouchResolver {
  @Mutation(() => User, {
    description:
      "A facilitator of a community the member is in, or an admin, lifts the new-member limits at once. CONFLICT when already trusted",
  })
  vouchForMember(@Arg("userId", () => ID) userId: string, @Ctx() ctx: Context): Promise<UserRow> {
    return ctx.services.trust.vouch(ctx.viewer, userId);
  }
}
