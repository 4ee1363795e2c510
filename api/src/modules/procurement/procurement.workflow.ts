import type { BuyerRequestRow, SupplierAnswerRow } from "@pratica/db";

export type RequestState = BuyerRequestRow["state"];
export type AnswerStatus = SupplierAnswerRow["status"];

/** Every step a buyer request takes; CREATE has no "from" (it inserts the DRAFT). */
export type RequestStep = "UPDATE" | "OPEN" | "SHORTLIST" | "AWARD" | "CLOSE";

/**
 * The request workflow in one table (docs/buy-social-requests.md, "States"): which step moves a
 * request from which state to which. A step not listed from the current state is refused with
 * CONFLICT (the house's convention, membership-application.workflow.ts).
 *
 *   DRAFT ──OPEN──▶ OPEN ──SHORTLIST──▶ SHORTLISTING
 *   OPEN | SHORTLISTING ──AWARD──▶ AWARDED | ──CLOSE (nothing fit, a reason)──▶ CLOSED
 *   UPDATE keeps a DRAFT or an OPEN request where it is (an OPEN one only before its deadline).
 */
export const REQUEST_TRANSITIONS: Record<RequestStep, Partial<Record<RequestState, RequestState>>> = {
  UPDATE: { DRAFT: "DRAFT", OPEN: "OPEN" },
  OPEN: { DRAFT: "OPEN" },
  SHORTLIST: { OPEN: "SHORTLISTING" },
  AWARD: { OPEN: "AWARDED", SHORTLISTING: "AWARDED" },
  CLOSE: { OPEN: "CLOSED", SHORTLISTING: "CLOSED" },
};

export const nextState = (step: RequestStep, from: RequestState): RequestState | undefined =>
  REQUEST_TRANSITIONS[step][from];

/** Every step a supplier's answer takes; ANSWER has no "from" (it inserts the SUBMITTED answer). */
export type AnswerStep = "UPDATE" | "SHORTLIST" | "AWARD" | "NOT_SELECT" | "WITHDRAW";

/**
 *   SUBMITTED ──SHORTLIST (the buyer)──▶ SHORTLISTED
 *   SUBMITTED | SHORTLISTED ──AWARD──▶ AWARDED | ──NOT_SELECT (another won, or the request closed)──▶ NOT_SELECTED
 *   SUBMITTED | SHORTLISTED ──WITHDRAW (the supplier)──▶ WITHDRAWN
 *   UPDATE (the supplier) keeps it where it is.
 */
export const ANSWER_TRANSITIONS: Record<AnswerStep, Partial<Record<AnswerStatus, AnswerStatus>>> = {
  UPDATE: { SUBMITTED: "SUBMITTED", SHORTLISTED: "SHORTLISTED" },
  SHORTLIST: { SUBMITTED: "SHORTLISTED" },
  AWARD: { SUBMITTED: "AWARDED", SHORTLISTED: "AWARDED" },
  NOT_SELECT: { SUBMITTED: "NOT_SELECTED", SHORTLISTED: "NOT_SELECTED" },
  WITHDRAW: { SUBMITTED: "WITHDRAWN", SHORTLISTED: "WITHDRAWN" },
};

export const nextAnswerStatus = (step: AnswerStep, from: AnswerStatus): AnswerStatus | undefined =>
  ANSWER_TRANSITIONS[step][from];

/** Answers still in the running: the ones a decision moves and tells. */
export const LIVE_ANSWERS: readonly AnswerStatus[] = ["SUBMITTED", "SHORTLISTED"];

/** States the public reads (everything but the buyer's draft). */
export const PUBLIC_STATES: readonly RequestState[] = ["OPEN", "SHORTLISTING", "AWARDED", "CLOSED"];

/** The states in which the buyer still decides (shortlists answers, awards, closes). */
export const DECIDING: readonly RequestState[] = ["OPEN", "SHORTLISTING"];

/** Answers are taken while the request is OPEN and before its deadline. */
export const takesAnswers = (r: Pick<BuyerRequestRow, "state" | "deadlineAt">, now: Date): boolean =>
  r.state === "OPEN" && r.deadlineAt.getTime() > now.getTime();
