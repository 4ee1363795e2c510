import type { MembershipApplicationRow } from "@pratica/db";

export type ApplicationStatus = MembershipApplicationRow["status"];

/** Every step an application takes: the applicant's and the platform admins'. */
export type ApplicationStepKind = "SUBMIT" | "UPDATE" | "REQUEST_INFO" | "ACCEPT" | "DECLINE" | "WITHDRAW";

/**
 * The workflow in one table: which step moves an application from which state to which. The one
 * place these transitions live; a step not listed from the current state is refused with CONFLICT
 * (the house's convention, moderation.workflow.ts). SUBMIT has no "from": it creates the row.
 *
 *   SUBMITTED ──REQUEST_INFO──▶ INFO_REQUESTED ──UPDATE (with the answer)──▶ SUBMITTED
 *   SUBMITTED | INFO_REQUESTED ──ACCEPT──▶ ACCEPTED | ──DECLINE──▶ DECLINED | ──WITHDRAW──▶ WITHDRAWN
 *
 * UPDATE of a SUBMITTED application keeps it SUBMITTED (the applicant corrects it before review).
 */
export const TRANSITIONS: Record<
  Exclude<ApplicationStepKind, "SUBMIT">,
  Partial<Record<ApplicationStatus, ApplicationStatus>>
> = {
  UPDATE: { SUBMITTED: "SUBMITTED", INFO_REQUESTED: "SUBMITTED" },
  REQUEST_INFO: { SUBMITTED: "INFO_REQUESTED" },
  ACCEPT: { SUBMITTED: "ACCEPTED", INFO_REQUESTED: "ACCEPTED" },
  DECLINE: { SUBMITTED: "DECLINED", INFO_REQUESTED: "DECLINED" },
  WITHDRAW: { SUBMITTED: "WITHDRAWN", INFO_REQUESTED: "WITHDRAWN" },
};

/** Where `step` takes an application in `from`, or undefined when it may not be taken from there. */
export const nextStatus = (
  step: Exclude<ApplicationStepKind, "SUBMIT">,
  from: ApplicationStatus,
): ApplicationStatus | undefined => TRANSITIONS[step][from];

/** Open applications await a decision: they hold their name (the unique index) and may still change. */
export const OPEN: readonly ApplicationStatus[] = ["SUBMITTED", "INFO_REQUESTED"];
export const isOpen = (a: Pick<MembershipApplicationRow, "status">): boolean => OPEN.includes(a.status);

/** The admins' decisions and the step each one is. */
export type ApplicationDecision = "ACCEPT" | "REQUEST_INFO" | "DECLINE";

/** REQUEST_INFO asks a question and DECLINE gives a reason: both need the message; ACCEPT may carry one. */
export const needsMessage = (d: ApplicationDecision): boolean => d !== "ACCEPT";

/** The audit action of each step (`application.<verb>`). */
export const AUDIT_ACTION: Record<ApplicationStepKind, string> = {
  SUBMIT: "application.submit",
  UPDATE: "application.update",
  REQUEST_INFO: "application.request_info",
  ACCEPT: "application.accept",
  DECLINE: "application.decline",
  WITHDRAW: "application.withdraw",
};
