/**
 * When a member's digest is due, as pure functions of "now": the latest slot (their digest hour,
 * in their time zone, every day or on Mondays) that has passed. A digest is due when no digest
 * was built since that slot; building it sets `last_digest_at`, so each slot sends at most one.
 */

type LocalParts = { year: number; month: number; day: number; hour: number; minute: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Whether Intl knows the zone (an IANA name such as Europe/Rome). */
export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

function localParts(at: Date, zone: string): LocalParts {
  const parts = Object.fromEntries(
    formatter(zone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

/** The instant at which the zone's clocks show that local time (the later one across a DST change). */
export function zonedInstant(zone: string, year: number, month: number, day: number, hour: number): Date {
  const wanted = Date.UTC(year, month - 1, day, hour);
  let guess = wanted;
  // Two rounds settle the zone's offset at the guessed instant, also next to a DST change.
  for (let i = 0; i < 2; i++) {
    const p = localParts(new Date(guess), zone);
    const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    guess += wanted - shown;
  }
  return new Date(guess);
}

/** The latest digest slot at or before `now`: the digest hour today or yesterday; for weekly ones, on the last Monday. */
export function lastSlot(now: Date, zone: string, hour: number, weekly: boolean): Date {
  const local = localParts(now, zone);
  // Calendar arithmetic on a UTC date stands for the local date (no zone shifts in it).
  const date = new Date(Date.UTC(local.year, local.month - 1, local.day));
  if (local.hour < hour) date.setUTCDate(date.getUTCDate() - 1);
  if (weekly) date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  const slot = zonedInstant(zone, date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), hour);
  // Across the spring-forward gap the slot's instant can land after now: then it is the previous one.
  if (slot > now) {
    date.setUTCDate(date.getUTCDate() - (weekly ? 7 : 1));
    return zonedInstant(zone, date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), hour);
  }
  return slot;
}

export type DigestMember = {
  emailDelivery: "IMMEDIATE" | "DAILY" | "WEEKLY" | "NEVER";
  timeZone: string;
  digestHour: number;
  lastDigestAt: Date | null;
};

/** The slot whose digest is due now, or null when the member gets none now. */
export function dueSlot(member: DigestMember, now: Date): Date | null {
  if (member.emailDelivery !== "DAILY" && member.emailDelivery !== "WEEKLY") return null;
  const zone = isTimeZone(member.timeZone) ? member.timeZone : "Europe/Rome";
  const slot = lastSlot(now, zone, member.digestHour, member.emailDelivery === "WEEKLY");
  return member.lastDigestAt && member.lastDigestAt >= slot ? null : slot;
}
