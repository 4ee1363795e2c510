/**
 * When an event happens, written in the event's own time zone (where it takes place) and, when the
 * reader's zone differs, again in theirs: an online meeting set in Rome is read from Lisbon too.
 */
export interface EventWhen {
  /** e.g. "3 March 2026, 14:00 – 16:00 (Europe/Rome)". */
  local: string;
  /** The same span in the reader's zone, or null when it is the same zone. */
  viewer: string | null;
}

function span(startsAt: Date, endsAt: Date, language: string, timeZone: string): string {
  const sameDay =
    new Intl.DateTimeFormat("en-CA", { timeZone, dateStyle: "short" }).format(startsAt) ===
    new Intl.DateTimeFormat("en-CA", { timeZone, dateStyle: "short" }).format(endsAt);
  const full = new Intl.DateTimeFormat(language, { timeZone, dateStyle: "full", timeStyle: "short" });
  const end = sameDay ? new Intl.DateTimeFormat(language, { timeZone, timeStyle: "short" }) : full;
  return `${full.format(startsAt)} – ${end.format(endsAt)}`;
}

function validZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function eventWhen(
  startsAt: string,
  endsAt: string,
  eventZone: string,
  language: string,
  readerZone = viewerTimeZone(),
): EventWhen {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const zone = validZone(eventZone) ? eventZone : "UTC";
  const local = `${span(start, end, language, zone)} (${zone})`;
  // Two zone names may be the same clock (Europe/Rome and Europe/Berlin): compare what they show.
  const differs =
    readerZone !== zone &&
    new Intl.DateTimeFormat("en", { timeZone: readerZone, dateStyle: "short", timeStyle: "short" }).format(start) !==
      new Intl.DateTimeFormat("en", { timeZone: zone, dateStyle: "short", timeStyle: "short" }).format(start);
  return { local, viewer: differs ? `${span(start, end, language, readerZone)} (${readerZone})` : null };
}

/**
 * The value of a datetime-local input for an instant, in the event's zone, and back: the form asks
 * for the wall-clock time where the event happens, not the browser's.
 */
export function toZonedInput(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The instant a wall-clock time in a zone names (the offset taken at that moment, DST included). */
export function fromZonedInput(value: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // The zone's offset at that instant, found by reading the UTC guess back in the zone (twice,
  // so a guess across a DST change settles).
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const shown = toZonedInput(new Date(guess).toISOString(), timeZone);
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(shown);
    if (!m) return null;
    const shownUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
    guess += asUtc - shownUtc;
  }
  return new Date(guess).toISOString();
}
