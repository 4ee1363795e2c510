import type { CaseState, ModerationAction } from "../../gql/graphql";

/** What the workflow (api moderation.workflow.ts) lets a moderator do from a state. */
export function actionsFrom(state: CaseState, hidden: boolean): ModerationAction[] {
  if (state === "OPEN") {
    return ["DISMISS", ...(hidden ? (["RESTORE"] as const) : []), "HIDE", "WARN", "RESTRICT", "SUSPEND"];
  }
  if (state === "ACTIONED") return ["RESTORE"];
  return [];
}

export const needsMessage = (action: ModerationAction) => action !== "DISMISS";
export const needsUntil = (action: ModerationAction) => action === "RESTRICT" || action === "SUSPEND";

/** The longest a restriction or suspension may run. */
export const MAX_SANCTION_DAYS = 365;

/** "YYYY-MM-DD" of a day, in the reader's time zone (what a date input shows). */
export function dayString(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A sanction chosen to last until a day runs until the end of that day, in the reader's time zone. */
export function endOfDay(day: string): Date | null {
  const date = new Date(`${day}T23:59:59`);
  return Number.isNaN(date.getTime()) ? null : date;
}
