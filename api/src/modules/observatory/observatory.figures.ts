import type { OrganizationRow } from "@pratica/db";

/** The figures kept in `observatory_state.figures`, as the refresh computed them (plain JSON). */
export type StoredFigures = {
  /** When the monthly rows were last rebuilt whole (the incremental refresh redoes two months). */
  fullRebuiltAt: string;
  totals: {
    partners: number;
    formerPartners: number;
    communities: number;
    members: number;
    threads: number;
    replies: number;
    resources: number;
    documents: number;
    endorsements: number;
  };
  partnersByCategory: { category: OrganizationRow["category"]; partners: number }[];
  partnersBySigningYear: { year: number; joined: number; withdrawn: number; total: number }[];
  themes: { key: string; partners: number; communities: number; activity: number }[];
  /** Active members per community id. */
  communityMembers: Record<string, number>;
};

export type MonthCounts = {
  month: string;
  membersJoined: number;
  threads: number;
  replies: number;
  resources: number;
  documents: number;
  endorsements: number;
};

/** How many months of each community the page shows, and how many the themes' activity sums. */
export const MONTHS_SHOWN = 24;
export const THEME_MONTHS = 12;

/** The first day (UTC) of the month `back` months before the month of `at`, as YYYY-MM-DD. */
export function monthStart(at: Date, back = 0): string {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - back, 1));
  return d.toISOString().slice(0, 10);
}

/** The last `count` months up to the month of `at`, oldest first, as YYYY-MM. */
export function lastMonths(at: Date, count: number): string[] {
  return Array.from({ length: count }, (_, i) => monthStart(at, count - 1 - i).slice(0, 7));
}

/** A community's months over the window, every month present (zero where nothing happened). */
export function zeroFilled(window: string[], rows: MonthCounts[]): MonthCounts[] {
  const byMonth = new Map(rows.map((r) => [r.month.slice(0, 7), r]));
  return window.map(
    (month) =>
      byMonth.get(month) ?? {
        month,
        membersJoined: 0,
        threads: 0,
        replies: 0,
        resources: 0,
        documents: 0,
        endorsements: 0,
      },
  );
}

/**
 * Signatures and withdrawals per year into the yearly series, from the first signature's year
 * to `lastYear`, every year present; `total` is the partners at the end of each year.
 */
export function signingYears(
  joined: Map<number, number>,
  withdrawn: Map<number, number>,
  lastYear: number,
): StoredFigures["partnersBySigningYear"] {
  const years = [...joined.keys(), ...withdrawn.keys()];
  if (years.length === 0) return [];
  const first = Math.min(...years);
  const last = Math.max(lastYear, ...years);
  const out: StoredFigures["partnersBySigningYear"] = [];
  let total = 0;
  for (let year = first; year <= last; year++) {
    const j = joined.get(year) ?? 0;
    const w = withdrawn.get(year) ?? 0;
    total += j - w;
    out.push({ year, joined: j, withdrawn: w, total });
  }
  return out;
}
