import type { TFunction } from "i18next";
import type { NotificationItem } from "./notification.fragment";

/** "Maria replied to your thread T", in the reader's language. */
export function notificationText(t: TFunction, notification: NotificationItem): string {
  const actor = notification.actor?.displayName ?? t("notifications.someone");
  const thread = notification.thread?.title ?? t("notifications.aThread");
  return t(`notifications.kind.${notification.kind}`, { actor, thread });
}

/** Where a notification leads: its thread, scrolled to the post. */
export function notificationPath(notification: NotificationItem): string | null {
  if (!notification.thread) return null;
  return `/t/${notification.thread.id}${notification.post ? `#post-${notification.post.id}` : ""}`;
}
