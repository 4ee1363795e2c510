import { MEMORANDUM_FIRST_YEAR, SDG_MAX, SDG_MIN, THEME_KEYS } from "@pratica/rules";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { ORGANIZATION_CATEGORIES } from "../../app/organizationCategories";
import type { OrganizationCategory, OrganizationSort, PartnerStatus } from "../../gql/graphql";

/**
 * The directory's and the map's filters live in the address, with the open data's parameter
 * names (`/partners.csv?category=…&year=…`): a filtered page can be shared, the back button
 * undoes a filter, and the open-data links carry the same query string. A value the page does
 * not know is left out rather than sent to the api to be refused: an old link still shows a page.
 */
export type FilterParam = "category" | "theme" | "sdg" | "community" | "year" | "status" | "sort" | "q";

export interface PartnerFilters {
  category: OrganizationCategory | null;
  theme: string | null;
  sdg: number | null;
  /** A community's slug (the open data's `community`); the api's filter takes its id. */
  community: string | null;
  year: number | null;
  status: "current" | "former" | "all";
  sort: "name" | "signed";
  q: string;
}

const STATUSES = ["current", "former", "all"] as const;

export function signingYears(now = new Date()): number[] {
  const years: number[] = [];
  for (let y = now.getFullYear(); y >= MEMORANDUM_FIRST_YEAR; y--) years.push(y);
  return years;
}

function intIn(text: string | null, min: number, max: number): number | null {
  if (!text || !/^\d+$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

export function parseFilters(params: URLSearchParams): PartnerFilters {
  const category = params.get("category");
  const theme = params.get("theme");
  const status = params.get("status");
  return {
    category: (ORGANIZATION_CATEGORIES as readonly string[]).includes(category ?? "")
      ? (category as OrganizationCategory)
      : null,
    theme: theme && (THEME_KEYS as readonly string[]).includes(theme) ? theme : null,
    sdg: intIn(params.get("sdg"), SDG_MIN, SDG_MAX),
    community: params.get("community") || null,
    year: intIn(params.get("year"), MEMORANDUM_FIRST_YEAR, new Date().getFullYear()),
    status: (STATUSES as readonly string[]).includes(status ?? "") ? (status as PartnerFilters["status"]) : "current",
    sort: params.get("sort") === "signed" ? "signed" : "name",
    q: (params.get("q") ?? "").trim(),
  };
}

const STATUS_ENUM: Record<PartnerFilters["status"], PartnerStatus> = {
  current: "CURRENT",
  former: "FORMER",
  all: "ALL",
};
const SORT_ENUM: Record<PartnerFilters["sort"], OrganizationSort> = { name: "NAME", signed: "SIGNED_ON" };

/** The `organizations` query's arguments for these filters (the community already turned into its id). */
export function queryVariables(filters: PartnerFilters, communityId: string | null) {
  return {
    category: filters.category,
    theme: filters.theme,
    sdg: filters.sdg,
    communityId,
    signedYear: filters.year,
    status: STATUS_ENUM[filters.status],
    sort: SORT_ENUM[filters.sort],
    query: filters.q || null,
  };
}

/** The open data's query string for these filters (no name search or sort: the exports have neither). */
export function openDataQuery(filters: PartnerFilters, lang: string): string {
  const params = new URLSearchParams();
  if (filters.category) params.set("category", filters.category);
  if (filters.theme) params.set("theme", filters.theme);
  if (filters.sdg) params.set("sdg", String(filters.sdg));
  if (filters.community) params.set("community", filters.community);
  if (filters.year) params.set("year", String(filters.year));
  if (filters.status !== "current") params.set("status", filters.status);
  params.set("lang", lang);
  return params.toString();
}

/** Whether anything narrows the list (the empty state then offers to clear the filters). */
export function isFiltered(filters: PartnerFilters): boolean {
  return Boolean(
    filters.category ||
      filters.theme ||
      filters.sdg ||
      filters.community ||
      filters.year ||
      filters.q ||
      filters.status !== "current",
  );
}

/** The filters from the address, and how to change one (a new history entry, so Back undoes it). */
export function usePartnerFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);
  const setOne = useCallback(
    (name: FilterParam, value: string | null) => {
      setParams((current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      });
    },
    [setParams],
  );
  const clear = useCallback(() => setParams(new URLSearchParams()), [setParams]);
  return { filters, params, setOne, clear };
}
