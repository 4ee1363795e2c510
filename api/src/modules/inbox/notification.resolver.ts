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
import { OpenToRestricted } from "../../core/open-to-restricted.js";
import { OpenToUnconfirmed } from "../../core/open-to-unconfirmed.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { Community } from "../community/community.type.js";
import { seenDeliverableVia } from "../deliverable/deliverable.access.js";
import { Amendment, Deliverable } from "../deliverable/deliverable.type.js";
import { shownText } from "../hidden-content/hidden-content.read.js";
import { User } from "../identity/user.type.js";
import { seenResourceVia } from "../library/resource.access.js";
import { Resource } from "../library/resource.type.js";
import { excerptIn } from "../notification/system-excerpts.js";
import { readableOrNull } from "../thread/thread.access.js";
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
    const page = await ctx.services.inbox.list(ctx.viewer, { first, after, unreadOnly });
    return toConnection(page, await ctx.services.inbox.unreadCount(ctx.viewer));
  }

  @Query(() => Int, { description: "0 when anonymous" })
  unreadNotificationCount(@Ctx() ctx: Context): Promise<number> {
    return ctx.services.inbox.unreadCount(ctx.viewer);
  }

  @FieldResolver(() => String, {
    description:
      "The start of the post (or what it is about), as plain text; empty once that is hidden from the viewer",
  })
  @ViewerDependent()
  async excerpt(@Root() n: NotificationRow, @Ctx() ctx: Context): Promise<string> {
    // Moderation and ecosystem news (the HUB's and Buy Social's too) quote the words of a decision
    // to this very person, or a system sentence, not content.
    const ecosystem = n.applicationId || n.organizationId || n.fundingCallId || n.partnerSearchId || n.buyerRequestId;
    if (n.caseId || ecosystem || !n.excerpt) return excerptIn(ctx.caller.locale, n.excerpt);
    const { loaders } = ctx;
    const quoted = n.postId
      ? await loaders.postById.load(n.postId)
      : n.amendmentId
        ? await loaders.amendmentById.load(n.amendmentId)
        : n.resourceId
          ? await loaders.resourceById.load(n.resourceId)
          : n.threadId
            ? await loaders.threadById.load(n.threadId)
            : null;
    if (!quoted?.hiddenAt) return n.excerpt;
    const authorId = "authorId" in quoted ? quoted.authorId : quoted.proposerId;
    return shownText(ctx, quoted, authorId, n.excerpt, "");
  }

  @FieldResolver(() => Boolean)
  read(@Root() n: NotificationRow): boolean {
    return n.readAt !== null;
  }

  @FieldResolver(() => User, { nullable: true })
  actor(@Root() n: NotificationRow, @Ctx() { loaders }: Context): Promise<UserRow | null> | null {
    return n.actorId ? loaders.userById.load(n.actorId) : null;
  }

  // What a notification is about is re-checked like any edge: null when the viewer may no longer
  // read it (the list already hides such notifications; this also covers one delivered live
  // while the viewer was being removed).

  @FieldResolver(() => Thread, { nullable: true })
  @ViewerDependent()
  async thread(@Root() n: NotificationRow, @Ctx() ctx: Context): Promise<ThreadRow | null> {
    return n.threadId ? readableOrNull(ctx, await ctx.loaders.threadById.load(n.threadId)) : null;
  }

  @FieldResolver(() => Post, { nullable: true })
  @ViewerDependent()
  async post(@Root() n: NotificationRow, @Ctx() ctx: Context): Promise<PostRow | null> {
    return n.postId ? readableOrNull(ctx, await ctx.loaders.postById.load(n.postId)) : null;
  }

  @FieldResolver(() => Resource, { nullable: true, description: "For RESOURCE_DECIDED: the proposal decided on" })
  @ViewerDependent()
  resource(@Root() n: NotificationRow, @Ctx() ctx: Context): Promise<ResourceRow | null> | null {
    return n.resourceId ? seenResourceVia(ctx, n.resourceId) : null;
  }

  @FieldResolver(() => Deliverable, { nullable: true, description: "For AMENDMENT_*: the document" })
  @ViewerDependent()
  deliverable(@Root() n: NotificationRow, @Ctx() ctx: Context): Promise<DeliverableRow | null> | null {
    return n.deliverableId ? seenDeliverableVia(ctx, n.deliverableId) : null;
  }

  @FieldResolver(() => Amendment, { nullable: true, description: "For AMENDMENT_*: the amendment" })
  @ViewerDependent()
  async amendment(@Root() n: NotificationRow, @Ctx() ctx: Context): Promise<AmendmentRow | null> {
    const amendment = n.amendmentId ? await ctx.loaders.amendmentById.load(n.amendmentId) : null;
    return amendment && (await seenDeliverableVia(ctx, amendment.deliverableId)) ? amendment : null;
  }

  // Communities are public (`community(slug)` answers anyone); their content is checked on its own edges.
  @FieldResolver(() => Community, { nullable: true })
  community(@Root() n: NotificationRow, @Ctx() { loaders }: Context): Promise<CommunityRow | null> | null {
    return n.communityId ? loaders.communityById.load(n.communityId) : null;
  }

  @OpenToRestricted()
  @OpenToUnconfirmed()
  @Mutation(() => Notification)
  markNotificationRead(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<NotificationRow> {
    return ctx.services.inbox.markRead(ctx.viewer, id);
  }

  @OpenToRestricted()
  @OpenToUnconfirmed()
  @Mutation(() => Int, { description: "How many were marked" })
  markAllNotificationsRead(@Ctx() ctx: Context): Promise<number> {
    return ctx.services.inbox.markAllRead(ctx.viewer);
  }

  @Subscription(() => Notification, {
    description: "The viewer's new notifications, live",
    subscribe: ({ context }) => notificationStream(context as Context),
  })
  notificationAdded(@Root() notification: NotificationRow): NotificationRow {
    return notification;
  }
}
