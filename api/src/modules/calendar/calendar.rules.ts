import type { EventRegistrationRow } from "@pratica/db";

type Status = EventRegistrationRow["status"];

/** The registrations a personal feed carries; the others (cancelled) leave the feed. */
export const FEED_STATUSES: readonly Status[] = ["CONFIRMED", "ATTENDED", "OFFERED", "WAITLISTED", "PENDING"];

/** Places not yet certain: the entry is TENTATIVE in the reader's calendar. */
export const isTentative = (status: Status): boolean =>
  status === "OFFERED" || status === "WAITLISTED" || status === "PENDING";

/** How far back the feed keeps past events: a season of history, not every meeting ever held. */
export const FEED_PAST_DAYS = 180;
/** The most entries one feed carries. */
export const FEED_MAX_EVENTS = 500;
/** The most events the map's layer carries. */
export const MAP_MAX_EVENTS = 1000;
