import type { TFunction } from "i18next";
import type { NotificationItem } from "./notification.fragment";

/**
 * A curator's decision on the reader's proposal. Compared as a string: the kind is newer than
 * some schemas this page may be built against.
 */
export function isResourceDecision(notification: Pick<NotificationItem, "kind">): boolean {
  return (notification.kind as string) === "RESOURCE_DECIDED";
}

const MODERATION_KINDS: ReadonlySet<string> = new Set([
  "CASE_OPENED",
  "REPORT_OUTCOME",
  "MODERATION_ACTION",
  "APPEAL_OPENED",
  "APPEAL_DECIDED",
  "CASE_MESSAGE",
]);

/** A moderation case's news (issue 15): a report, a decision, an appeal, a message. */
function isModeration(notification: Pick<NotificationItem, "kind">): notification is NotificationItem & {
  kind: "CASE_OPENED" | "REPORT_OUTCOME" | "MODERATION_ACTION" | "APPEAL_OPENED" | "APPEAL_DECIDED" | "CASE_MESSAGE";
} {
  return MODERATION_KINDS.has(notification.kind);
}

/** "Maria replied to your thread T", in the reader's language. */
export function notificationText(t: TFunction, notification: NotificationItem): string {
  const actor = notification.actor?.displayName ?? t("notifications.someone");
  if (isResourceDecision(notification)) {
    // The excerpt is the proposal's title, and the reason when one was given.
    return t("notifications.kind.RESOURCE_DECIDED", { actor, excerpt: notification.excerpt });
  }
  if (notification.kind === "AMENDMENT_PROPOSED" || notification.kind === "AMENDMENT_DECIDED") {
    const document = notification.deliverable?.title ?? t("notifications.aDocument");
    if (notification.kind === "AMENDMENT_PROPOSED") {
      return t("notifications.kind.AMENDMENT_PROPOSED", { actor, document });
    }
    const status = notification.amendment?.status;
    if (status === "ACCEPTED") return t("notifications.amendmentAccepted", { actor, document });
    if (status === "REJECTED") return t("notifications.amendmentRejected", { actor, document });
    return t("notifications.kind.AMENDMENT_DECIDED", { actor, document });
  }
  const thread = notification.thread?.title ?? t("notifications.aThread");
  if (isModeration(notification)) {
    // The excerpt names the content the case is about (blank for those who may not read it).
    return t(`notifications.kind.${notification.kind}`, { actor, thread, excerpt: notification.excerpt ?? "" });
  }
  return t(`notifications.kind.${notification.kind}`, { actor, thread });
}

/** Where a notification leads: its thread, scrolled to the post; or its document, at the section. */
export function notificationPath(notification: NotificationItem): string | null {
  // A moderation case's news leads to the case, where the reader sees what they may of it.
  if (notification.caseId) return `/moderation/cases/${notification.caseId}`;
  if (notification.deliverable) {
    const section = notification.amendment?.section.id;
    return `/d/${notification.deliverable.id}${section ? `#section-${section}` : ""}`;
  }
  if (!notification.thread) return null;
  return `/t/${notification.thread.id}${notification.post ? `#post-${notification.post.id}` : ""}`;
}
