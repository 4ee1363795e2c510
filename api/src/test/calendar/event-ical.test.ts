import { describe, expect, it } from "vitest";
import { eventIcal, type IcalOptions, type IcalSource, icsCalendar } from "../../modules/calendar/event-ical.js";
import { parseIcs } from "./parse-ics.js";

// Pure: the VEVENT an event becomes, written by ical-generator and read back by ical.js.

const base: IcalSource = {
  id: "6f1c7f9e-3a5b-4c1d-9e2f-0a1b2c3d4e5f",
  title: "Partners' assembly",
  titleIt: "Assemblea dei partner",
  description: "The yearly assembly.",
  descriptionIt: "L'assemblea annuale.",
  mode: "HYBRID",
  placeName: "Cascina Roccafranca",
  address: "Via Rubino 45, Torino",
  latitude: 45.0447,
  longitude: 7.6367,
  onlineUrl: "https://meet.example/assembly",
  // 10:00–12:30 in Rome on a summer day (UTC+2) …
  startsAt: new Date("2027-06-15T08:00:00Z"),
  endsAt: new Date("2027-06-15T10:30:00Z"),
  timeZone: "Europe/Rome",
  cancelledAt: null,
  cancellationReason: null,
  sequence: 0,
  createdAt: new Date("2027-05-01T09:00:00Z"),
  updatedAt: new Date("2027-05-02T09:00:00Z"),
  organizerName: "Giulia Rossi",
};

const options: IcalOptions = {
  locale: "en",
  withOnlineUrl: false,
  origin: "https://pratica.example",
  platformAddress: "noreply@pratica.example",
};

const roundTrip = (source: IcalSource, o: Partial<IcalOptions> = {}, method?: "CANCEL") => {
  const text = icsCalendar([eventIcal(source, { ...options, ...o })], { name: "Pratica", method });
  const parsed = parseIcs(text);
  expect(parsed.entries).toHaveLength(1);
  return { text, calendar: parsed, entry: parsed.entries[0] as (typeof parsed.entries)[number] };
};

describe("an event as iCalendar", () => {
  it("UID at the platform's host, SEQUENCE the event's, times in the event's zone equal to the stored instants", () => {
    const { entry, calendar, text } = roundTrip({ ...base, sequence: 3 });
    expect(entry.uid).toBe(`${base.id}@pratica.example`);
    expect(entry.sequence).toBe(3);
    expect(entry.tzid).toBe("Europe/Rome");
    expect(entry.localStart).toBe("2027-06-15T10:00:00");
    expect(entry.start.toISOString()).toBe(base.startsAt.toISOString());
    expect(entry.end.toISOString()).toBe(base.endsAt.toISOString());
    expect(calendar.timezones).toEqual(["Europe/Rome"]);
    expect(calendar.method).toBe("PUBLISH");
    expect(entry.status).toBe("CONFIRMED");
    expect(entry.url).toBe(`https://pratica.example/events/${base.id}`);
    expect(entry.lastModified?.toISOString()).toBe(base.updatedAt.toISOString());
    expect(entry.stamp?.toISOString()).toBe(base.updatedAt.toISOString());
    expect(text).toContain("\r\n");
  });

  it("winter times and another zone convert through the file's own VTIMEZONE", () => {
    const winter = { ...base, startsAt: new Date("2027-01-20T17:30:00Z"), endsAt: new Date("2027-01-20T19:00:00Z") };
    const rome = roundTrip(winter).entry;
    expect(rome.localStart).toBe("2027-01-20T18:30:00");
    expect(rome.start.toISOString()).toBe(winter.startsAt.toISOString());
    const ny = roundTrip({ ...winter, timeZone: "America/New_York" });
    expect(ny.entry.tzid).toBe("America/New_York");
    expect(ny.entry.localStart).toBe("2027-01-20T12:30:00");
    expect(ny.entry.start.toISOString()).toBe(winter.startsAt.toISOString());
    expect(ny.entry.end.toISOString()).toBe(winter.endsAt.toISOString());
    expect(ny.calendar.timezones).toEqual(["America/New_York"]);
  });

  it("a zone without a known VTIMEZONE is written in UTC, still the same instants", () => {
    const { entry, calendar } = roundTrip({ ...base, timeZone: "America/Ciudad_Juarez" });
    expect(entry.tzid).toBeNull();
    expect(calendar.timezones).toEqual([]);
    expect(entry.start.toISOString()).toBe(base.startsAt.toISOString());
  });

  it("the title and description in the requested language, falling back to the other", () => {
    expect(roundTrip(base, { locale: "it" }).entry.summary).toBe("Assemblea dei partner");
    expect(roundTrip(base, { locale: "it" }).entry.description).toContain("L'assemblea annuale.");
    expect(roundTrip(base, { locale: "en" }).entry.summary).toBe("Partners' assembly");
    const italianOnly = { ...base, title: "", description: "" };
    expect(roundTrip(italianOnly, { locale: "en" }).entry.summary).toBe("Assemblea dei partner");
    expect(roundTrip(italianOnly, { locale: "en" }).entry.description).toContain("L'assemblea annuale.");
  });

  it("in person: the place as LOCATION and its coordinates as GEO", () => {
    const { entry } = roundTrip(base);
    expect(entry.location).toBe("Cascina Roccafranca, Via Rubino 45, Torino");
    expect(entry.geo).toEqual([45.0447, 7.6367]);
    const unplaced = roundTrip({ ...base, latitude: null, longitude: null }).entry;
    expect(unplaced.geo).toBeNull();
  });

  it("the online link only when the reader may have it", () => {
    const hidden = roundTrip(base).text;
    expect(hidden).not.toContain("meet.example");
    const shown = roundTrip(base, { withOnlineUrl: true }).entry;
    expect(shown.description).toContain("https://meet.example/assembly");
    const online = {
      ...base,
      mode: "ONLINE" as const,
      placeName: null,
      address: null,
      latitude: null,
      longitude: null,
    };
    expect(roundTrip(online, { withOnlineUrl: true }).entry.location).toBe("https://meet.example/assembly");
    const anonymous = roundTrip(online);
    expect(anonymous.entry.location).toBeNull();
    expect(anonymous.text).not.toContain("meet.example");
    // In person only: a stored link is never written, whoever reads.
    expect(roundTrip({ ...base, mode: "IN_PERSON" }, { withOnlineUrl: true }).text).not.toContain("meet.example");
  });

  it("the organiser by name, with the platform's address, never a person's", () => {
    const { entry, text } = roundTrip(base);
    expect(entry.organizerName).toBe("Giulia Rossi");
    expect(entry.organizer).toBe("mailto:noreply@pratica.example");
    expect(text.match(/mailto:[^\r\n";]+/g)).toEqual(["mailto:noreply@pratica.example"]);
  });

  it("cancelled: STATUS:CANCELLED, METHOD:CANCEL for the single file, the reason in the description", () => {
    const cancelled = {
      ...base,
      sequence: 2,
      cancelledAt: new Date("2027-06-01T09:00:00Z"),
      cancellationReason: "The hall is closed.",
    };
    const { entry, calendar } = roundTrip(cancelled, { locale: "it" }, "CANCEL");
    expect(calendar.method).toBe("CANCEL");
    expect(entry.status).toBe("CANCELLED");
    expect(entry.sequence).toBe(2);
    expect(entry.description.startsWith("Annullato: The hall is closed.")).toBe(true);
  });

  it("tentative for a reader whose place is not certain", () => {
    expect(roundTrip(base, { tentative: true }).entry.status).toBe("TENTATIVE");
  });

  it("text with commas, semicolons and new lines survives", () => {
    const tricky = { ...base, title: "Design; code, and\nreview", description: "a\\b; c, d\n\ne" };
    const { entry } = roundTrip(tricky);
    expect(entry.summary).toBe("Design; code, and\nreview");
    expect(entry.description.startsWith("a\\b; c, d\n\ne")).toBe(true);
  });
});
