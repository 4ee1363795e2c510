import type { CaseState, ReportReason } from "../../gql/graphql";
import { REPORT_REASONS } from "./reasons";

export const CASE_STATES: readonly CaseState[] = ["OPEN", "APPEALED", "ACTIONED", "DISMISSED", "UPHELD", "OVERTURNED"];
/** The age filter's choices, in hours: opened at least that long ago. */
export const AGES: readonly number[] = [1, 24, 72, 168];

/** What the queue's address narrows it to: a filtered view can be linked. */
export interface QueueFilters {
  community: string | null;
  reason: ReportReason | null;
  state: CaseState | null;
  olderThanHours: number | null;
  newestFirst: boolean;
}

export function readFilters(params: URLSearchParams): QueueFilters {
  const reason = params.get("reason");
  const state = params.get("state");
  const age = Number(params.get("age"));
  return {
    community: params.get("community") || null,
    reason: REPORT_REASONS.includes(reason as ReportReason) ? (reason as ReportReason) : null,
    state: CASE_STATES.includes(state as CaseState) ? (state as CaseState) : null,
    olderThanHours: AGES.includes(age) ? age : null,
    newestFirst: params.get("order") === "newest",
  };
}

export function writeFilters(filters: QueueFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.community) params.set("community", filters.community);
  if (filters.reason) params.set("reason", filters.reason);
  if (filters.state) params.set("state", filters.state);
  if (filters.olderThanHours) params.set("age", String(filters.olderThanHours));
  if (filters.newestFirst) params.set("order", "newest");
  return params;
}

/**
 * Whether a case that just changed belongs in the list the filters show. A case heard of for the
 * first time was just opened, so an age filter ("older than…") leaves it out; a listed one keeps
 * its age and stays while it still matches.
 */
export function caseMatches(
  moderated: { state: CaseState; reason: ReportReason; community: { id: string } | null },
  filters: QueueFilters,
  communityId: string | null,
  { listed }: { listed: boolean },
): boolean {
  const stateOk = filters.state
    ? moderated.state === filters.state
    : moderated.state === "OPEN" || moderated.state === "APPEALED";
  return (
    stateOk &&
    (!filters.reason || moderated.reason === filters.reason) &&
    (!communityId || moderated.community?.id === communityId) &&
    (listed || filters.olderThanHours === null)
  );
}
