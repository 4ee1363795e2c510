import ICAL from "ical.js";

/** One VEVENT as a calendar reading the file sees it (ical.js: another library than the one that wrote it). */
export type ParsedEntry = {
  uid: string;
  sequence: number;
  summary: string;
  description: string;
  location: string | null;
  geo: [number, number] | null;
  url: string | null;
  status: string | null;
  organizer: string | null;
  organizerName: string | null;
  /** The instants, converted through the file's own VTIMEZONE. */
  start: Date;
  end: Date;
  /** The TZID the start is written in (null for UTC). */
  tzid: string | null;
  /** The wall-clock start as written ("2027-03-28T10:00:00"). */
  localStart: string;
  lastModified: Date | null;
  stamp: Date | null;
  raw: string;
};

export type ParsedCalendar = {
  method: string | null;
  name: string | null;
  timezones: string[];
  entries: ParsedEntry[];
};

/** Parses an .ics file with ical.js; throws on anything it cannot read. */
export function parseIcs(text: string): ParsedCalendar {
  const root = new ICAL.Component(ICAL.parse(text));
  const entries = root.getAllSubcomponents("vevent").map((vevent): ParsedEntry => {
    const event = new ICAL.Event(vevent);
    const dtstart = vevent.getFirstProperty("dtstart");
    const geo = vevent.getFirstPropertyValue("geo") as unknown as [number, number] | null;
    const organizer = vevent.getFirstProperty("organizer");
    const time = (name: string) => {
      const v = vevent.getFirstPropertyValue(name) as ICAL.Time | null;
      return v ? v.toJSDate() : null;
    };
    return {
      uid: event.uid,
      sequence: event.sequence,
      summary: event.summary,
      description: event.description,
      location: event.location,
      geo: geo ? [Number(geo[0]), Number(geo[1])] : null,
      url: (vevent.getFirstPropertyValue("url") as string | null) ?? null,
      status: (vevent.getFirstPropertyValue("status") as string | null) ?? null,
      organizer: organizer ? String(organizer.getFirstValue()) : null,
      organizerName: organizer ? ((organizer.getParameter("cn") as string | undefined) ?? null) : null,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      tzid: (dtstart?.getParameter("tzid") as string | undefined) ?? null,
      localStart: event.startDate.toString(),
      lastModified: time("last-modified"),
      stamp: time("dtstamp"),
      raw: vevent.toString(),
    };
  });
  return {
    method: (root.getFirstPropertyValue("method") as string | null) ?? null,
    name: (root.getFirstPropertyValue("x-wr-calname") as string | null) ?? null,
    timezones: root.getAllSubcomponents("vtimezone").map((tz) => String(tz.getFirstPropertyValue("tzid"))),
    entries,
  };
}
