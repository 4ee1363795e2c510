import type { UserRow } from "@pratica/db";
import { JSONObjectResolver } from "graphql-scalars";
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { connectionComplexity, toConnection } from "../../core/connection.type.js";
import type { Context } from "../../core/context.js";
import { User } from "../identity/user.type.js";
import { ModerationLogConnection, ModerationLogEntry } from "./moderation.type.js";
import type { LogEntryView } from "./moderation-log.service.js";

/** The moderation log of a community: in full for its moderators, redacted for its readers (the service shapes each entry). */
@Resolver(() => ModerationLogEntry)
export class ModerationLogResolver {
  @Query(() => ModerationLogConnection, {
    complexity: connectionComplexity,
    description: "Every moderation step in a community, newest first; its facilitators and admins",
  })
  async communityModerationLog(
    @Arg("communityId", () => ID) communityId: string,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    const { page, totalCount } = await ctx.services.moderationLog.full(ctx.viewer, communityId, { first, after });
    return toConnection(page, totalCount);
  }

  @Query(() => ModerationLogConnection, {
    complexity: connectionComplexity,
    description:
      "What was hidden in a community (and shown again), and the reason category, newest first; anyone who reads it. Never who, the notes or the reporter",
  })
  async publicModerationLog(
    @Arg("communityId", () => ID) communityId: string,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    const { page, totalCount } = await ctx.services.moderationLog.redacted(ctx.viewer, communityId, { first, after });
    return toConnection(page, totalCount);
  }

  @FieldResolver(() => User, { nullable: true, description: "Who acted; the full log only (null for the system)" })
  actor(@Root() e: LogEntryView, @Ctx() { loaders }: Context): Promise<UserRow | null> | null {
    return e.actorId ? loaders.userById.load(e.actorId) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "The internal note; the full log only" })
  note(@Root() e: LogEntryView): string | null {
    return e.note;
  }

  @FieldResolver(() => JSONObjectResolver, { nullable: true, description: "The full log only" })
  before(@Root() e: LogEntryView): Record<string, unknown> | null {
    return e.before;
  }

  @FieldResolver(() => JSONObjectResolver, { nullable: true, description: "The full log only" })
  after(@Root() e: LogEntryView): Record<string, unknown> | null {
    return e.after;
  }

  @FieldResolver(() => ID, { nullable: true, description: "The full log only" })
  caseId(@Root() e: LogEntryView): string | null {
    return e.caseId;
  }
}
