import type { EventRow, NotificationRow } from "@pratica/db";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { Notification } from "../inbox/notification.type.js";
import { eventAccess } from "./event-access.js";
import { canReadEvent } from "./events.policy.js";
import { Event } from "./events.type.js";

/** What event news is about: re-checked like any edge (a member who left keeps the notification, not the event). */
@Resolver(() => Notification)
export class NotificationEventResolver {
  @FieldResolver(() => Event, { nullable: true, description: "The event it is about, if the viewer may read it" })
  @ViewerDependent()
  async event(@Root() n: NotificationRow, @Ctx() ctx: Context): Promise<EventRow | null> {
    if (!n.eventId) return null;
    const event = await ctx.loaders.eventById.load(n.eventId);
    return event && canReadEvent(ctx.viewer, await eventAccess(ctx, event)) ? event : null;
  }
}
