import type { DecisionRow } from "@pratica/db";

export type DecisionState = DecisionRow["state"];
export type DecisionStep = "OPEN" | "CLOSE" | "CANCEL" | "PUBLISH";

/**
 * The lifecycle of a decision: which step leads from which state to which. The one place these
 * transitions live; a step from any other state is refused with CONFLICT. Publishing again from
 * OUTCOME_PUBLISHED writes a new outcome (the history keeps the earlier ones).
 */
export const STEPS: Record<DecisionStep, { from: readonly DecisionState[]; to: DecisionState }> = {
  OPEN: { from: ["DRAFT"], to: "OPEN" },
  CLOSE: { from: ["OPEN"], to: "CLOSED" },
  CANCEL: { from: ["DRAFT", "OPEN", "CLOSED"], to: "CANCELLED" },
  PUBLISH: { from: ["CLOSED", "OUTCOME_PUBLISHED"], to: "OUTCOME_PUBLISHED" },
};

export const canStep = (state: DecisionState, step: DecisionStep) => STEPS[step].from.includes(state);

/** Options, kind and electorate change only while a draft; an open decision may move its closing time. */
export const EDITABLE: readonly DecisionState[] = ["DRAFT"];
export const CLOSING_MOVABLE: readonly DecisionState[] = ["DRAFT", "OPEN"];

/** Kinds whose ballots pick among options (all but consent and sense check). */
export const WITH_OPTIONS: ReadonlySet<DecisionRow["kind"]> = new Set([
  "SINGLE_CHOICE",
  "MULTIPLE_CHOICE",
  "SCORE",
  "RANKED_CHOICE",
  "DOT_VOTE",
  "TIME_POLL",
]);
