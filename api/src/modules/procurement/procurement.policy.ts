import type { BuyerRequestRow, SupplierAnswerRow } from "@pratica/db";
import type { Viewer } from "../../core/viewer.js";
import { DECIDING, nextState, takesAnswers } from "./procurement.workflow.js";

/** Who may see and do what with buyer requests and answers: the one place these rules live. */

export type OrgRole = "REPRESENTATIVE" | "MEMBER";
/** The viewer's organisations and their role in each (empty for anonymous visitors and people of none). */
export type ViewerOrgs = ReadonlyMap<string, OrgRole>;

type Request = Pick<BuyerRequestRow, "organizationId" | "state" | "deadlineAt">;
type Answer = Pick<SupplierAnswerRow, "organizationId">;

export const NOT_REPRESENTATIVE = "You do not represent this organisation.";

/** The buyer's people: its representatives and members. */
export const isBuyerPerson = (orgs: ViewerOrgs, r: Pick<Request, "organizationId">): boolean =>
  orgs.has(r.organizationId);

export const representsOrg = (orgs: ViewerOrgs, organizationId: string): boolean =>
  orgs.get(organizationId) === "REPRESENTATIVE";

/** A draft is the buyer's own: NOT_FOUND to everyone else (admins included), as a missing one. */
export const canReadRequest = (orgs: ViewerOrgs, r: Request): boolean => r.state !== "DRAFT" || isBuyerPerson(orgs, r);

/** Answers are private: the buyer's people read all of them, a supplier's people their own. */
export const canReadAnswer = (orgs: ViewerOrgs, r: Pick<Request, "organizationId">, a: Answer): boolean =>
  isBuyerPerson(orgs, r) || orgs.has(a.organizationId);

/** The buyer's representatives edit a DRAFT, or an OPEN request before its deadline. */
export const canEditRequest = (viewer: Viewer | null, orgs: ViewerOrgs, r: Request, now: Date): boolean =>
  viewer !== null &&
  representsOrg(orgs, r.organizationId) &&
  nextState("UPDATE", r.state) !== undefined &&
  (r.state === "DRAFT" || r.deadlineAt.getTime() > now.getTime());

/** The buyer's representatives shortlist, award and close while the request is OPEN or SHORTLISTING. */
export const canDecide = (viewer: Viewer | null, orgs: ViewerOrgs, r: Request): boolean =>
  viewer !== null && representsOrg(orgs, r.organizationId) && DECIDING.includes(r.state);

/**
 * Answering: the request takes answers, and the viewer represents a supplier (a current partner
 * with a supplier profile, `supplierOrgs`) other than the buyer that has not answered yet.
 */
export const canAnswer = (
  viewer: Viewer | null,
  r: Request,
  supplierOrgs: readonly string[],
  answered: readonly Answer[],
  now: Date,
): boolean =>
  viewer !== null &&
  takesAnswers(r, now) &&
  supplierOrgs.some((o) => o !== r.organizationId && !answered.some((a) => a.organizationId === o));
