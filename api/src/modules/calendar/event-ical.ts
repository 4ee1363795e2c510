import type { EventRow } from "@pratica/db";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalCalendarMethod, type ICalEventData, ICalEventStatus, type ICalLocation } from "ical-generator";
import { DateTime } from "luxon";
import type { Locale } from "../../core/context.js";
import { localized } from "../../core/localized.js";

/** What an event's calendar entry is made of: the stored event and its organiser's public name. */
export type IcalSource = Pick<
  EventRow,
  | "id"
  | "title"
  | "titleIt"
  | "description"
  | "descriptionIt"
  | "mode"
  | "placeName"
  | "address"
  | "latitude"
  | "longitude"
  | "onlineUrl"
  | "startsAt"
  | "endsAt"
  | "timeZone"
  | "cancelledAt"
  | "cancellationReason"
  | "sequence"
  | "createdAt"
  | "updatedAt"
> & { organizerName: string | null };

export type IcalOptions = {
  locale: Locale;
  /** The reader may see the online link: a confirmed participant or an organiser (events' rule). */
  withOnlineUrl: boolean;
  /** PUBLIC_ORIGIN: the UID's host and the event page's address. */
  origin: string;
  /**
   * The address ORGANIZER carries. iCalendar wants a calendar address there, and the organiser's
   * own must never leave the platform: the platform's sender address stands in for every organiser.
   */
  platformAddress: string;
  /** The reader's place is not certain (waiting list, offered seat, awaiting approval). */
  tentative?: boolean;
};

/** UID: the event's id at the platform's host, the same in every file and feed that carries the event. */
export const eventUid = (eventId: string, origin: string): string => `${eventId}@${new URL(origin).host}`;

/**
 * A zone's VTIMEZONE, read once per process (ical-timezones reads a file on every call, and a feed
 * asks for every entry). Null for a valid IANA zone it does not know: the times are then written
 * in UTC, since a TZID without its VTIMEZONE is a file calendars misread.
 */
const vtimezones = new Map<string, string | null>();
const vtimezone = (zone: string): string | null => {
  if (!vtimezones.has(zone)) vtimezones.set(zone, getVtimezoneComponent(zone));
  return vtimezones.get(zone) ?? null;
};
const knownZone = (zone: string): boolean => vtimezone(zone) !== null;

/** One event as an iCalendar VEVENT (pure: the same event and options give the same entry). */
export function eventIcal(e: IcalSource, o: IcalOptions): ICalEventData {
  const text = (en: string, it: string) => localized(o.locale, { en, it }) ?? "";
  const page = new URL(`/events/${e.id}`, o.origin).toString();
  const zone = knownZone(e.timeZone) ? e.timeZone : null;
  // luxon: ical-generator writes a native Date in the server's own zone, not the event's.
  const at = (d: Date) => DateTime.fromJSDate(d, { zone: zone ?? "UTC" });
  const cancelled = e.cancelledAt !== null;
  const online = o.withOnlineUrl && e.mode !== "IN_PERSON" && e.onlineUrl ? e.onlineUrl : null;
  const lines = [
    cancelled ? cancelledLine(o.locale, e.cancellationReason) : null,
    text(e.description, e.descriptionIt) || null,
    online ? `${o.locale === "it" ? "Collegamento" : "Online link"}: ${online}` : null,
    page,
  ].filter((l): l is string => l !== null);
  return {
    id: eventUid(e.id, o.origin),
    sequence: e.sequence,
    start: at(e.startsAt),
    end: at(e.endsAt),
    timezone: zone,
    summary: text(e.title, e.titleIt),
    description: lines.join("\n\n"),
    location: location(e, online),
    url: page,
    status: cancelled ? ICalEventStatus.CANCELLED : o.tentative ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    organizer: e.organizerName ? { name: e.organizerName, email: o.platformAddress } : null,
    created: e.createdAt,
    lastModified: e.updatedAt,
    // The entry as of its last change: the same bytes until the event changes (ETags stay valid).
    stamp: e.updatedAt,
  };
}

/** In person: the place (with GEO when placed); online only: the link, when the reader may have it. */
function location(e: IcalSource, online: string | null): ICalLocation | string | null {
  if (e.mode === "ONLINE") return online;
  const title = [e.placeName, e.address].filter((p) => p?.trim()).join(", ");
  const geo = e.latitude !== null && e.longitude !== null ? { lat: e.latitude, lon: e.longitude } : undefined;
  if (!title) return geo ? { geo } : null;
  return geo ? { title, geo } : title;
}

const cancelledLine = (locale: Locale, reason: string | null) => {
  const head = locale === "it" ? "Annullato" : "Cancelled";
  return reason?.trim() ? `${head}: ${reason.trim()}` : `${head}.`;
};

export type CalendarOptions = {
  /** The calendar's name (X-WR-CALNAME), in the reader's language. */
  name: string;
  /** CANCEL for a single cancelled event's file; PUBLISH otherwise (a feed mixes states). */
  method?: "PUBLISH" | "CANCEL";
};

/** A whole iCalendar file of entries, with the VTIMEZONE of every zone they use. */
export function icsCalendar(entries: ICalEventData[], options: CalendarOptions): string {
  const calendar = ical({
    prodId: { company: "Pratica", product: "Pratica", language: "EN" },
    name: options.name,
    method: options.method === "CANCEL" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
    timezone: { name: null, generator: vtimezone },
    events: entries,
  });
  return calendar.toString();
}
