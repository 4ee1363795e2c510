import type { EventRegistrationRow } from "@pratica/db";

export type RegistrationStatus = EventRegistrationRow["status"];

/** Every step a registration takes: the participant's, the organisers' and the claim window's job. */
export type RegistrationStep =
  | "CANCEL"
  | "CLAIM"
  | "OFFER"
  | "EXPIRE"
  | "APPROVE"
  | "APPROVE_FULL"
  | "DECLINE"
  | "ATTEND"
  | "UNATTEND";

/**
 * The registration workflow in one table: which step moves a registration from which state to
 * which. A step not listed from the current state is refused with CONFLICT. Registering has no
 * "from" (it creates the row, or re-opens a CANCELLED one at the end of the list): OPEN events
 * answer CONFIRMED while seats are left, else WAITLISTED; APPROVAL events answer PENDING.
 *
 *   PENDING ──APPROVE──▶ CONFIRMED | ──APPROVE_FULL──▶ WAITLISTED | ──DECLINE──▶ CANCELLED
 *   WAITLISTED ──OFFER (a seat freed)──▶ OFFERED ──CLAIM (within the window)──▶ CONFIRMED
 *   OFFERED ──EXPIRE (the window passed: the job)──▶ CANCELLED, and the seat goes to the next
 *   CONFIRMED ⇄ ATTENDED (organisers, after the start)
 *   PENDING | CONFIRMED | WAITLISTED | OFFERED ──CANCEL (the participant)──▶ CANCELLED
 */
export const TRANSITIONS: Record<RegistrationStep, Partial<Record<RegistrationStatus, RegistrationStatus>>> = {
  CANCEL: { PENDING: "CANCELLED", CONFIRMED: "CANCELLED", WAITLISTED: "CANCELLED", OFFERED: "CANCELLED" },
  CLAIM: { OFFERED: "CONFIRMED" },
  OFFER: { WAITLISTED: "OFFERED" },
  EXPIRE: { OFFERED: "CANCELLED" },
  APPROVE: { PENDING: "CONFIRMED" },
  APPROVE_FULL: { PENDING: "WAITLISTED" },
  DECLINE: { PENDING: "CANCELLED" },
  ATTEND: { CONFIRMED: "ATTENDED" },
  UNATTEND: { ATTENDED: "CONFIRMED" },
};

export const nextStatus = (step: RegistrationStep, from: RegistrationStatus): RegistrationStatus | undefined =>
  TRANSITIONS[step][from];

/** The states that hold a seat: an OFFERED seat is kept for its claimant until the window ends. */
export const HOLDS_SEAT: readonly RegistrationStatus[] = ["CONFIRMED", "ATTENDED", "OFFERED"];

/** The states that see the online link: confirmed and attended participants. */
export const SEES_LINK: readonly RegistrationStatus[] = ["CONFIRMED", "ATTENDED"];

/** Registered at all (what EVENT_CHANGED / EVENT_CANCELLED reach). */
export const ACTIVE: readonly RegistrationStatus[] = ["PENDING", "CONFIRMED", "WAITLISTED", "OFFERED", "ATTENDED"];
