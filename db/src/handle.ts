/**
 * The `@mention` handle a display name suggests: lowercase ASCII letters and digits joined by
 * `-`, at most 24 characters ("Maria Rossi" → "maria-rossi"). Uniqueness is the caller's job.
 */
export function handleFrom(displayName: string): string {
  const base = displayName
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 24)
    .replace(/-+$/, "");
  return base.length >= 2 ? base : `user-${base}`.replace(/-$/, "");
}
