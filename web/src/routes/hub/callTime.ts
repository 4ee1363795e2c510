/**
 * A call's deadline is set in the funder's time zone ("17:00 Brussels time"): it is shown there,
 * as the official page says it, and in the reader's own zone when that is another hour.
 */

function dateOf(value: unknown): Date | null {
  const date = new Date(typeof value === "string" ? value : Number.NaN);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "Europe/Brussels" → "Brussels"; "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export function zoneCity(timeZone: string): string {
  return (timeZone.split("/").pop() ?? timeZone).replaceAll("_", " ");
}

function format(date: Date, language: string, timeZone?: string): string {
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);
  } catch {
    // An unknown zone name from an import: the reader's own zone rather than nothing.
    return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(date);
  }
}

export interface DeadlineText {
  /** In the call's zone, e.g. "17 Sep 2027, 17:00". */
  there: string;
  city: string;
  /** In the reader's zone; null when it reads the same. */
  here: string | null;
}

export function deadlineText(value: unknown, timeZone: string, language: string): DeadlineText | null {
  const date = dateOf(value);
  if (!date) return null;
  const there = format(date, language, timeZone);
  const here = format(date, language);
  return { there, city: zoneCity(timeZone), here: here === there ? null : here };
}

/** "€ 1,500,000" in the reader's language; whole euros (call budgets are). */
export function formatEuros(value: number | null | undefined, language: string): string | null {
  if (value === null || value === undefined) return null;
  return new Intl.NumberFormat(language, { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(
    value,
  );
}
