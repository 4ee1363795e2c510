import type { CommunityRow, NotificationRow, PostRow, ThreadRow, UserRow } from "@pratica/db";
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { connectionComplexity, toConnection } from "../../core/connection.type.js";
import type { Context } from "../../core/context.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { Community } from "../community/community.type.js";
import { User } from "../identity/user.type.js";
import { readableOrNull } from "../thread/thread.access.js";
import { Post, Thread } from "../thread/thread.type.js";
import { Notification } from "./notification.type.js";
import { NotificationGroup, NotificationGroupConnection } from "./notification-group.type.js";
import type { NotificationGroupRow } from "./notification-groups.js";

@Resolver(() => NotificationGroup)
export class NotificationGroupResolver {
  @Query(() => NotificationGroupConnection, {
    complexity: connectionComplexity,
    description: "The viewer's notifications grouped by thread, the group with the latest news first",
  })
  async notificationGroups(
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("unreadOnly", () => Boolean, { nullable: true, defaultValue: false }) unreadOnly: boolean,
    @Ctx() ctx: Context,
  ) {
    const groups = ctx.services.notificationGroups;
    const page = await groups.list(ctx.viewer, { first, after, unreadOnly });
    return toConnection(page, await groups.count(ctx.viewer, unreadOnly));
  }

  @FieldResolver(() => Notification, {
    description: "The latest notification of the group: its kind, actor and excerpt",
  })
  latest(@Root() group: NotificationGroupRow): NotificationRow {
    return group.latest;
  }

  @FieldResolver(() => User, { nullable: true, description: "Who acted last" })
  latestActor(@Root() group: NotificationGroupRow, @Ctx() { loaders }: Context): Promise<UserRow | null> | null {
    return group.latest.actorId ? loaders.userById.load(group.latest.actorId) : null;
  }

  // The list already leaves out what the viewer may not read; the edges re-check like any edge.
  @FieldResolver(() => Thread, { nullable: true, description: "The thread the group is about" })
  @ViewerDependent()
  async thread(@Root() group: NotificationGroupRow, @Ctx() ctx: Context): Promise<ThreadRow | null> {
    return group.threadId ? readableOrNull(ctx, await ctx.loaders.threadById.load(group.threadId)) : null;
  }

  @FieldResolver(() => Post, {
    nullable: true,
    description: "The first unread post the group names: where opening it leads",
  })
  @ViewerDependent()
  async firstUnreadPost(@Root() group: NotificationGroupRow, @Ctx() ctx: Context): Promise<PostRow | null> {
    return group.firstUnreadPostId
      ? readableOrNull(ctx, await ctx.loaders.postById.load(group.firstUnreadPostId))
      : null;
  }

  @FieldResolver(() => Community, { nullable: true })
  community(@Root() group: NotificationGroupRow, @Ctx() { loaders }: Context): Promise<CommunityRow | null> | null {
    return group.communityId ? loaders.communityById.load(group.communityId) : null;
  }
}
