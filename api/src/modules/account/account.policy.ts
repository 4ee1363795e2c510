/**
 * What keeps an account from being deleted: the state of the platform, not who asks (only the
 * account holder can ask, with their password). Each is a CONFLICT naming what to do first.
 *
 * - The platform's last admin: nobody could appoint another one afterwards.
 * - A community's last facilitator: the same rule as leaving it (community.policy.ts
 *   `takesLastFacilitator`); nobody would approve members or curate the library.
 * - The sole editor of a document is NOT a blocker when the document's community has another
 *   active facilitator: those facilitators become its editors, so the document stays editable
 *   and its amendments decidable without asking a departing member to find a successor. Only when
 *   nobody could take over (no other facilitator) is it a CONFLICT naming the documents.
 * - An organisation's representative is not a blocker: the representation ends with the
 *   account, endorsements already given stay (they were the organisation's, signed by a former
 *   member), and an admin links a new representative (by invitation).
 */
export const isLastAdmin = (role: "USER" | "ADMIN", admins: number): boolean => role === "ADMIN" && admins <= 1;

/** The communities the account is the only active facilitator of. */
export const soleFacilitatorOf = <T extends { facilitators: number }>(facilitated: T[]): T[] =>
  facilitated.filter((c) => c.facilitators <= 1);

/** Documents whose only editor is the account and whose community has no other facilitator to take over. */
export const orphanedDocuments = <T extends { otherEditors: number; successors: string[] }>(edited: T[]): T[] =>
  edited.filter((d) => d.otherEditors === 0 && d.successors.length === 0);
