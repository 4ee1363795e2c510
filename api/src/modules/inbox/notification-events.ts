import type { NotificationRow } from "@pratica/db";
import type { Context } from "../../core/context.js";
import { unauthenticated } from "../../core/errors.js";
import { liveStream } from "../../core/live.js";

/** The viewer's own `user:<id>` topic, narrowed to new notifications. */
export async function notificationStream(ctx: Context) {
  const viewer = ctx.viewer;
  if (!viewer) throw unauthenticated();
  const messages = ctx.services.bus.subscribe("user", viewer.id);
  return liveStream<NotificationRow>([messages], async (emit) => {
    for await (const message of messages) {
      if (message.type !== "NOTIFICATION") continue;
      const notification = await ctx.services.inbox.byIdForViewer(viewer, message.notificationId).catch(() => null);
      if (!notification) continue;
      await emit(notification);
    }
  });
}
