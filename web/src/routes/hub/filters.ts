import { PROGRAMMES, THEME_KEYS } from "@pratica/rules";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import type { FundingCallStatus } from "../../gql/graphql";

/**
 * The calls list's filters live in the address (like the partners directory's): a filtered list
 * can be shared and Back undoes a filter. A value the page does not know is left out rather than
 * sent to the api to be refused, so an old link still shows a list.
 */
export type CallFilterParam = "programme" | "status" | "from" | "to" | "theme" | "q" | "followed";

export const CALL_STATUSES = [
  "OPEN",
  "FORTHCOMING",
  "CLOSED",
  "UNKNOWN",
] as const satisfies readonly FundingCallStatus[];

export interface CallFilters {
  programme: string | null;
  status: FundingCallStatus | null;
  /** YYYY-MM-DD, the first day of the deadline window (inclusive). */
  from: string | null;
  /** YYYY-MM-DD, the last day of the deadline window (inclusive). */
  to: string | null;
  theme: string | null;
  q: string;
  followed: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function day(text: string | null): string | null {
  return text && DAY.test(text) && !Number.isNaN(Date.parse(text)) ? text : null;
}

export function parseCallFilters(params: URLSearchParams): CallFilters {
  const programme = params.get("programme");
  const status = params.get("status");
  const theme = params.get("theme");
  return {
    programme: programme && (PROGRAMMES as readonly string[]).includes(programme) ? programme : null,
    status: (CALL_STATUSES as readonly string[]).includes(status ?? "") ? (status as FundingCallStatus) : null,
    from: day(params.get("from")),
    to: day(params.get("to")),
    theme: theme && (THEME_KEYS as readonly string[]).includes(theme) ? theme : null,
    q: (params.get("q") ?? "").trim(),
    followed: params.get("followed") === "1",
  };
}

/**
 * The `fundingCalls` arguments. The days are the reader's own: "to" takes the whole day, so a
 * call closing that evening is in the window.
 */
export function callQueryVariables(filters: CallFilters) {
  return {
    programme: filters.programme,
    status: filters.status,
    deadlineFrom: filters.from ? new Date(`${filters.from}T00:00:00`).toISOString() : null,
    deadlineTo: filters.to ? new Date(`${filters.to}T23:59:59.999`).toISOString() : null,
    theme: filters.theme,
    query: filters.q || null,
    followed: filters.followed,
  };
}

export function isCallFiltered(filters: CallFilters): boolean {
  return Boolean(
    filters.programme || filters.status || filters.from || filters.to || filters.theme || filters.q || filters.followed,
  );
}

/** The filters from the address, and how to change one (a new history entry, so Back undoes it). */
export function useCallFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseCallFilters(params), [params]);
  const setOne = useCallback(
    (name: CallFilterParam, value: string | null) => {
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
  return { filters, setOne, clear };
}
