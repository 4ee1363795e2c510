function toDate(value: unknown): Date | null {
  const date = new Date(typeof value === "string" || typeof value === "number" ? value : Number.NaN);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A date the way the reader's language writes it, e.g. "3 March 2025" or "3 marzo 2025". */
export function formatDate(value: unknown, language: string): string {
  const date = toDate(value);
  return date ? new Intl.DateTimeFormat(language, { dateStyle: "long" }).format(date) : "";
}

/** Date and time, e.g. "3 March 2025 at 14:05". */
export function formatDateTime(value: unknown, language: string): string {
  const date = toDate(value);
  return date ? new Intl.DateTimeFormat(language, { dateStyle: "long", timeStyle: "short" }).format(date) : "";
}

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 7],
  ["week", 4.35],
  ["month", 12],
  ["year", Number.POSITIVE_INFINITY],
];

/**
 * How long until something may be tried again, e.g. "in 40 seconds", "tra 2 minuti", "in 21
 * hours": rounded up, so the reader never tries a moment too soon.
 */
export function formatWait(seconds: number, language: string): string {
  const format = new Intl.RelativeTimeFormat(language, { numeric: "always" });
  if (seconds < 90) return format.format(Math.max(1, Math.ceil(seconds)), "second");
  if (seconds < 90 * 60) return format.format(Math.ceil(seconds / 60), "minute");
  if (seconds < 48 * 3600) return format.format(Math.ceil(seconds / 3600), "hour");
  return format.format(Math.ceil(seconds / 86400), "day");
}

/** How long ago, e.g. "5 minutes ago" or "ieri"; under a minute is "now". */
export function formatRelative(value: unknown, language: string, now = Date.now()): string {
  const date = toDate(value);
  if (!date) return "";
  const format = new Intl.RelativeTimeFormat(language, { numeric: "auto" });
  let amount = (date.getTime() - now) / 1000;
  if (Math.abs(amount) < 45) return format.format(0, "second");
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return format.format(Math.round(amount), unit);
    amount /= size;
  }
  return formatDate(value, language);
}
