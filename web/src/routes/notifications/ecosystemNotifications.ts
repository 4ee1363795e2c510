import type { TFunction } from "i18next";
import type { NotificationItem } from "./notification.fragment";

/**
 * The news of the HUB and of Buy Social (issue 18): a funding call closing, a partner search's
 * interests, a buyer's request matched, answered or decided, a certification reviewed. Compared
 * as strings: the kinds are newer than some schemas this page may be built against.
 */
const HUB_AND_BUY_SOCIAL_KINDS: ReadonlySet<string> = new Set([
  "FUNDING_CALL_CLOSING",
  "PARTNER_INTEREST",
  "PARTNER_INTEREST_DECIDED",
  "SUPPLIER_MATCHED",
  "SUPPLIER_ANSWERED",
  "BUYER_REQUEST_DECIDED",
  "CERTIFICATION_DECIDED",
]);

export function isHubOrBuySocial(notification: Pick<NotificationItem, "kind">): boolean {
  return HUB_AND_BUY_SOCIAL_KINDS.has(notification.kind);
}

/**
 * "A buyer is looking for what you supply: “Canteen cleaning”": the title comes from the object
 * when the reader may still read it, else from the excerpt the notification kept.
 */
export function hubOrBuySocialText(t: TFunction, notification: NotificationItem): string {
  const actor = notification.actor?.displayName ?? t("notifications.someone");
  const kind = notification.kind as string;
  if (kind === "CERTIFICATION_DECIDED") {
    const organization = notification.organization?.name ?? t("notifications.anOrganization");
    return t("notifications.kind.CERTIFICATION_DECIDED", { organization });
  }
  const title =
    notification.fundingCall?.title ??
    notification.partnerSearch?.call.title ??
    notification.buyerRequest?.title ??
    (notification.excerpt || t("notifications.aThread"));
  return t(`notifications.kind.${kind}` as "notifications.kind.SUPPLIER_MATCHED", { actor, thread: title });
}

/** Where it leads: the call, the partner search, the request, or the supplier profile. */
export function hubOrBuySocialPath(notification: NotificationItem): string | null {
  const kind = notification.kind as string;
  if (kind === "FUNDING_CALL_CLOSING")
    return notification.fundingCall ? `/hub/calls/${notification.fundingCall.id}` : null;
  if (kind === "PARTNER_INTEREST" || kind === "PARTNER_INTEREST_DECIDED") {
    return notification.partnerSearch ? `/hub/searches/${notification.partnerSearch.id}` : null;
  }
  if (kind === "CERTIFICATION_DECIDED") {
    return notification.organization ? `/partners/${notification.organization.slug}/supplier` : null;
  }
  return notification.buyerRequest ? `/buy-social/requests/${notification.buyerRequest.id}` : null;
}
