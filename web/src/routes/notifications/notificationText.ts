import type { TFunction } from "i18next";
import type { NotificationItem } from "./notification.fragment";

/**
 * A curator's decision on the reader's proposal. Compared as a string: the kind is newer than
 * some schemas this page may be built against.
 */
export function isResourceDecision(notification: Pick<NotificationItem, "kind">): boolean {
  return (notification.kind as string) === "RESOURCE_DECIDED";
}

/** "Maria replied to your thread T", in the reader's language. */
export function notificationText(t: TFunction, notification: NotificationItem): string {
  const actor = notification.actor?.displayName ?? t("notifications.someone");
  if (isResourceDecision(notification)) {
    // The excerpt is the proposal's title, and the reason when one was given.
    return t("notifications.kind.RESOURCE_DECIDED", { actor, excerpt: notification.excerpt });
  }
  const thread = notification.thread?.title ?? t("notifications.aThread");
  return t(`notifications.kind.${notification.kind}`, { actor, thread });
}

/** Where a notification leads: its thread, scrolled to the post. */
export function notificationPath(notification: NotificationItem): string | null {
  if (!notification.thread) return null;
  return `/t/${notification.thread.id}${notification.post ? `#post-${notification.post.id}` : ""}`;
}
