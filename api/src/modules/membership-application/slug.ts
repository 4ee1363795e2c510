import { SLUG_MAX } from "@pratica/rules";

/**
 * An organisation's slug from its name: lowercase ASCII letters and digits joined by single
 * hyphens ("Fondazione Crescere Insieme!" → "fondazione-crescere-insieme"), short enough to take
 * a numeric suffix when taken. A name with no such character gets "partner".
 */
export function organizationSlug(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX - 4)
    .replace(/-+$/, "");
  return base.length >= 3 ? base : `partner${base ? `-${base}` : ""}`;
}
