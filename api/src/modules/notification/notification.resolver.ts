import type {
  AmendmentRow,
  CommunityRow,
  DeliverableRow,
  NotificationRow,
  PostRow,
  ResourceRow,
  ThreadRow,
  UserRow,
} from "@pratica/db";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";
import { connectionComplexity, toConnection } from "../../core/connection.type.js";
import type { Context } from "../../core/context.js";
import { Community } from "../community/community.type.js";
import { Amendment, Deliverable } from "../deliverable/deliverable.type.js";
import { User } from "../identity/user.type.js";
import { Resource } from "../library/resource.type.js";
import { Post, Thread } from "../thread/thread.type.js";
import { Notification, NotificationConnection } from "./notification.type.js";
import { notificationStream } from "./notification-events.js";

@Resolver(() => Notification)
export class NotificationResolver {
  @Query(() => NotificationConnection, {
    complexity: connectionComplexity,
    description: "The viewer's notifications, newest first",
  })
  async notifications(
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("unreadOnly", () => Boolean, { nullable: true, defaultValue: false }) unreadOnly: boolean,
    @Ctx() ctx: Context,
  ) {
    const page = await ctx.services.notification.list(ctx.viewer, { first, after, unreadOnly });
    return toConnection(page, await ctx.services.notification.unreadCount(ctx.viewer));
  }

  @Query(() => Int, { description: "0 when anonymous" })
  unreadNotificationCount(@Ctx() ctx: Context): Promise<number> {
    return ctx.services.notification.unreadCount(ctx.viewer);
  }

  @FieldResolver(() => Boolean)
  read(@Root() n: NotificationRow): boolean {
    return n.readAt !== null;
  }

  @FieldResolver(() => User, { nullable: true })
  actor(@Root() n: NotificationRow, @Ctx() { loaders }: Context): Promise<UserRow | null> | null {
    return n.actorId ? loaders.userById.load(n.actorId) : null;
  }

  @FieldResolver(() => Thread, { nullable: true })
  thread(@Root() n: NotificationRow, @Ctx() { loaders }: Context): Promise<ThreadRow | null> | null {
    return n.threadId ? loaders.threadById.load(n.threadId) : null;
  }

  @FieldResolver(() => Post, { nullable: true })
  post(@Root() n: NotificationRow, @Ctx() { loaders }: Context): Promise<PostRow | null> | null {
    return n.postId ? loaders.postById.load(n.postId) : null;
  }

  @FieldResolver(() => Resource, { nullable: true, description: "For RESOURCE_DECIDED: the proposal decided on" })
  resource(@Root() n: NotificationRow, @Ctx() { loaders }: Context): Promise<ResourceRow | null> | null {
    return n.resourceId ? loaders.resourceById.load(n.resourceId) : null;
  }

  @FieldResolver(() => Deliverable, { nullable: true, description: "For AMENDMENT_*: the document" })
  deliverable(@Root() n: NotificationRow, @Ctx() { loaders }: Context): Promise<DeliverableRow | null> | null {
    return n.deliverableId ? loaders.deliverableById.load(n.deliverableId) : null;
  }

  @FieldResolver(() => Amendment, { nullable: true, description: "For AMENDMENT_*: the amendment" })
  amendment(@Root() n: NotificationRow, @Ctx() { loaders }: Context): Promise<AmendmentRow | null> | null {
    return n.amendmentId ? loaders.amendmentById.load(n.amendmentId) : null;
  }

  @FieldResolver(() => Community, { nullable: true })
  community(@Root() n: NotificationRow, @Ctx() { loaders }: Context): Promise<CommunityRow | null> | null {
    return n.communityId ? loaders.communityById.load(n.communityId) : null;
  }

  @Mutation(() => Notification)
  markNotificationRead(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<NotificationRow> {
    return ctx.services.notification.markRead(ctx.viewer, id);
  }

  @Mutation(() => Int, { description: "How many were marked" })
  markAllNotificationsRead(@Ctx() ctx: Context): Promise<number> {
    return ctx.services.notification.markAllRead(ctx.viewer);
  }

  @Subscription(() => Notification, {
    description: "The viewer's new notifications, live",
    subscribe: ({ context }) => notificationStream(context as Context),
  })
  notificationAdded(@Root() notification: NotificationRow): NotificationRow {
    return notification;
  }
}
