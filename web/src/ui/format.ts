/** A date the way the reader's language writes it, e.g. "3 March 2025" or "3 marzo 2025". */
export function formatDate(value: unknown, language: string): string {
  const date = new Date(typeof value === "string" || typeof value === "number" ? value : Number.NaN);
  if (Number.isNaN(date.getTime())) return "";
  return new Intl.DateTimeFormat(language, { dateStyle: "long" }).format(date);
}
