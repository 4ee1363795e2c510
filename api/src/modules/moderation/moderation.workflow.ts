import type { CaseState, ModerationCaseRow } from "@pratica/db";
import type { ModerationAction, SanctionScope } from "./moderation.type.js";

/** How long after a decision its author may appeal it. */
export const APPEAL_WINDOW_DAYS = 20;

/** The longest restriction or suspension a moderator may impose in one decision. */
export const MAX_SANCTION_DAYS = 365;

const DAY_MS = 24 * 60 * 60 * 1000;

type CaseFacts = Pick<ModerationCaseRow, "state"> & { hidden: boolean };

/**
 * The moderators' decisions: which action moves a case from which state to which. The one place
 * these transitions live; anything not listed is refused with CONFLICT. RESTORE needs hidden
 * content (see `nextState`). The appeal's steps and the system's steps (REPORT, AUTO_HIDE, LIFT)
 * are below: they never change the state except APPEAL, UPHOLD and OVERTURN.
 */
export const TRANSITIONS: Record<ModerationAction, Partial<Record<CaseState, CaseState>>> = {
  DISMISS: { OPEN: "DISMISSED" },
  // Open: "the reports were unfounded, shown again" (only when hidden). Actioned: a moderator undoes a decision.
  RESTORE: { OPEN: "DISMISSED", ACTIONED: "OVERTURNED" },
  HIDE: { OPEN: "ACTIONED" },
  WARN: { OPEN: "ACTIONED" },
  RESTRICT: { OPEN: "ACTIONED" },
  SUSPEND: { OPEN: "ACTIONED" },
};

/** The author's appeal and its decision by another moderator. */
export const APPEAL_TRANSITIONS = {
  APPEAL: { ACTIONED: "APPEALED" },
  UPHOLD: { APPEALED: "UPHELD" },
  OVERTURN: { APPEALED: "OVERTURNED" },
} as const satisfies Record<string, Partial<Record<CaseState, CaseState>>>;

/**
 * Where `action` takes a case, or undefined when it may not be taken from there. RESTORE of an
 * open case only makes sense when its target is hidden (auto-hidden, awaiting review).
 */
export function nextState(action: ModerationAction, from: CaseState, caseRow: CaseFacts): CaseState | undefined {
  if (action === "RESTORE" && from === "OPEN" && !caseRow.hidden) return undefined;
  return TRANSITIONS[action][from];
}

/** States that await a moderator's decision: what the queue shows by default. */
export const AWAITING: readonly CaseState[] = ["OPEN", "APPEALED"];

/** States where the case is still open to a change (the content is never purged while in one). */
export const UNSETTLED: readonly CaseState[] = ["OPEN", "APPEALED"];

/** Every action but DISMISS tells the author why. */
export const needsMessage = (action: ModerationAction): boolean => action !== "DISMISS";

/** Restrictions and suspensions last until a date. */
export const needsUntil = (action: ModerationAction): boolean => action === "RESTRICT" || action === "SUSPEND";

/** Only restrictions and suspensions have a scope (a community, or the whole platform). */
export const takesScope = (action: ModerationAction): boolean => needsUntil(action);

/** The actions that hide the reported content (a profile stays shown under RESTRICT/SUSPEND: the person is sanctioned). */
export const hidesContent = (action: ModerationAction, targetKind: ModerationCaseRow["targetKind"]): boolean =>
  action === "HIDE" || ((action === "RESTRICT" || action === "SUSPEND") && targetKind !== "USER");

/** The actions that leave a sanction row (WARN included: it counts in the author's record). */
export const sanctionOf = (action: ModerationAction): "WARN" | "RESTRICT" | "SUSPEND" | null =>
  action === "WARN" || action === "RESTRICT" || action === "SUSPEND" ? action : null;

/** The scope a sanction takes: a profile's case has no community, so its sanctions are the platform's. */
export const scopeOf = (
  requested: SanctionScope | null | undefined,
  caseRow: Pick<ModerationCaseRow, "communityId">,
): SanctionScope => (caseRow.communityId === null ? "PLATFORM" : (requested ?? "COMMUNITY"));

/** The last moment an appeal is taken: `decidedAt` + 20 days. Null while nothing is appealable. */
export const appealDeadline = (caseRow: Pick<ModerationCaseRow, "state" | "decidedAt">): Date | null =>
  caseRow.state === "ACTIONED" && caseRow.decidedAt
    ? new Date(caseRow.decidedAt.getTime() + APPEAL_WINDOW_DAYS * DAY_MS)
    : null;

/** The latest `until` a sanction may take, from `now`. */
export const latestUntil = (now: Date): Date => new Date(now.getTime() + MAX_SANCTION_DAYS * DAY_MS);
