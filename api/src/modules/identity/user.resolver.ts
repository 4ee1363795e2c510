import type { SessionRow, UserRow } from "@pratica/db";
import { DateTimeISOResolver } from "graphql-scalars";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { answeredForViewer, type Context } from "../../core/context.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { deviceOf } from "./device.js";
import { Session } from "./session.type.js";
import { canSeeHiddenProfile, canSeePrivateProfile, canSeeSessions } from "./user.policy.js";
import { User } from "./user.type.js";

/** The user's own fields; the modules that relate a user to something add theirs (User.communities…). */
@Resolver(() => User)
export class UserResolver {
  @FieldResolver(() => String, { nullable: true })
  @ViewerDependent()
  email(@Root() user: UserRow, @Ctx() ctx: Context): string | null {
    return canSeePrivateProfile(ctx.viewer, user) ? user.email : null;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      "Whether the address is confirmed (until then the account reads but does not write); seen where email is",
  })
  @ViewerDependent()
  emailVerified(@Root() user: UserRow, @Ctx() ctx: Context): boolean | null {
    return canSeePrivateProfile(ctx.viewer, user) ? user.emailVerifiedAt !== null : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Null for others while the profile is hidden (the name stays: posts stay attributed)",
  })
  @ViewerDependent()
  bio(@Root() user: UserRow, @Ctx() ctx: Context): string | null {
    if (user.hiddenAt === null) return user.bio;
    answeredForViewer(ctx);
    return canSeeHiddenProfile(ctx.viewer, user) ? user.bio : null;
  }

  @FieldResolver(() => DateTimeISOResolver, {
    nullable: true,
    description: "Suspended from the platform until then: the user themself and admins",
  })
  @ViewerDependent()
  suspendedUntil(@Root() user: UserRow, @Ctx() ctx: Context): Date | null {
    return canSeePrivateProfile(ctx.viewer, user) ? user.suspendedUntil : null;
  }

  @FieldResolver(() => DateTimeISOResolver, {
    nullable: true,
    description:
      "Restricted on the platform until then (reads, appeals, writes nothing else): the user themself and admins",
  })
  @ViewerDependent()
  restrictedUntil(@Root() user: UserRow, @Ctx() ctx: Context): Date | null {
    return canSeePrivateProfile(ctx.viewer, user) ? user.restrictedUntil : null;
  }

  @FieldResolver(() => Boolean, { description: "The profile is hidden by the platform's moderators" })
  hidden(@Root() user: UserRow): boolean {
    return user.hiddenAt !== null;
  }

  @FieldResolver(() => [Session], { nullable: true, description: "The live logins of this account: its owner only" })
  @ViewerDependent()
  async sessions(@Root() user: UserRow, @Ctx() ctx: Context): Promise<Session[] | null> {
    if (!canSeeSessions(ctx.viewer, user)) return null;
    const rows = await ctx.services.sessions.list(user.id);
    return rows.map((row: SessionRow) => ({
      id: row.id,
      device: deviceOf(row.userAgent),
      createdAt: row.createdAt,
      lastUsedAt: row.lastUsedAt,
      current: row.id === ctx.viewer?.sessionId,
    }));
  }
}
