import type { TFunction } from "i18next";
import { hubOrBuySocialPath, hubOrBuySocialText, isHubOrBuySocial } from "./ecosystemNotifications";
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

type EcosystemKind = "APPLICATION_SUBMITTED" | "APPLICATION_UPDATED" | "APPLICATION_DECIDED" | "ORGANIZATION_WITHDRAWN";
const ECOSYSTEM_KINDS: ReadonlySet<string> = new Set<EcosystemKind>([
  "APPLICATION_SUBMITTED",
  "APPLICATION_UPDATED",
  "APPLICATION_DECIDED",
  "ORGANIZATION_WITHDRAWN",
]);

/** An application to join by memorandum, or a partner's withdrawal (issue 16). */
function isEcosystem(notification: Pick<NotificationItem, "kind">): notification is NotificationItem & {
  kind: EcosystemKind;
} {
  return ECOSYSTEM_KINDS.has(notification.kind);
}

const DECISION_KINDS: ReadonlySet<string> = new Set(["DECISION_OPENED", "DECISION_REMINDER", "DECISION_OUTCOME"]);

/** A decision's news (issue 17): open for a vote, closing soon, its outcome. */
function isDecision(notification: Pick<NotificationItem, "kind">): boolean {
  return DECISION_KINDS.has(notification.kind);
}

/** The organisation a notification is about: the application's name, else the partner's. */
function organizationName(t: TFunction, notification: NotificationItem): string {
  return notification.application?.name ?? notification.organization?.name ?? t("notifications.anOrganization");
}

function ecosystemText(t: TFunction, notification: NotificationItem & { kind: EcosystemKind }, actor: string): string {
  const organization = organizationName(t, notification);
  // The api marks the steps that have no message of their own (a withdrawal, an acceptance told
  // to the new representative) with a "system:" excerpt.
  if (notification.excerpt === "system:application-withdrawn") {
    return t("notifications.applicationWithdrawn", { actor, organization });
  }
  if (notification.kind === "APPLICATION_DECIDED") {
    if (notification.excerpt === "system:application-accepted") {
      return t("notifications.applicationAccepted", { organization });
    }
    // The status the application is in now: accepted, more asked for, declined.
    const status = notification.application?.status;
    if (status === "ACCEPTED") return t("notifications.applicationAccepted", { organization });
    if (status === "INFO_REQUESTED") return t("notifications.applicationInfoRequested", { organization });
    if (status === "DECLINED") return t("notifications.applicationDeclined", { organization });
  }
  return t(`notifications.kind.${notification.kind}`, { actor, organization });
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
  if (isEcosystem(notification)) return ecosystemText(t, notification, actor);
  if (isHubOrBuySocial(notification)) return hubOrBuySocialText(t, notification);
  if (isDecision(notification)) {
    const thread = notification.decision?.title ?? t("notifications.aDecision");
    return t(`notifications.kind.${notification.kind}`, { actor, thread });
  }
  // An event's news (issue 17): the bell strings name it where others name a thread.
  if (notification.kind.startsWith("EVENT_")) {
    const title = notification.event?.title ?? t("notifications.anEvent");
    return t(`notifications.kind.${notification.kind}`, { actor, thread: title });
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
  if (isEcosystem(notification)) return ecosystemPath(notification);
  if (isHubOrBuySocial(notification)) return hubOrBuySocialPath(notification);
  if (isDecision(notification)) return notification.decision ? `/decisions/${notification.decision.id}` : null;
  if (notification.kind.startsWith("EVENT_") && notification.event) return `/events/${notification.event.id}`;
  if (notification.deliverable) {
    const section = notification.amendment?.section.id;
    return `/d/${notification.deliverable.id}${section ? `#section-${section}` : ""}`;
  }
  if (!notification.thread) return null;
  return `/t/${notification.thread.id}${notification.post ? `#post-${notification.post.id}` : ""}`;
}

/**
 * An application's news leads admins to its review page and the applicant to their applications;
 * a withdrawal to the organisation's page.
 */
function ecosystemPath(notification: NotificationItem & { kind: EcosystemKind }): string | null {
  const { application, organization } = notification;
  if (notification.kind === "ORGANIZATION_WITHDRAWN") {
    return organization ? `/partners/${organization.slug}` : null;
  }
  if (notification.kind === "APPLICATION_DECIDED") {
    if (application) return `/partners/applications/${application.id}`;
    return organization ? `/partners/${organization.slug}` : "/partners/applications";
  }
  return application ? `/admin/applications/${application.id}` : "/admin/applications";
}
