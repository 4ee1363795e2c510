import type { Context } from "../../core/context.js";
import { unauthenticated } from "../../core/errors.js";
import { refreshLoaders } from "../../core/live.js";

/** The viewer's own `user:<id>` topic, narrowed to new notifications, each loaded once. */
export async function notificationStream(ctx: Context) {
  const viewer = ctx.viewer;
  if (!viewer) throw unauthenticated();
  const messages = ctx.services.bus.subscribe("user", viewer.id);
  return (async function* () {
    try {
      for await (const message of messages) {
        if (message.type !== "NOTIFICATION") continue;
        const notification = await ctx.services.notification
          .byIdForViewer(viewer, message.notificationId)
          .catch(() => null);
        if (!notification) continue;
        refreshLoaders(ctx);
        yield notification;
      }
    } finally {
      await messages.return();
    }
  })();
}
