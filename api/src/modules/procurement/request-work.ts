import {
  type BuyerRequestRow,
  buyerRequests,
  buyerRequestTransitions,
  type Database,
  type Executor,
  organizationMembers,
  organizations,
  type SupplierAnswerRow,
  users,
} from "@pratica/db";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { conflict, forbidden, notFound } from "../../core/errors.js";
import { isUuid } from "../../core/ids.js";
import { type RowLock, unitOfWork, type Work } from "../../core/unit-of-work.js";
import type { Viewer } from "../../core/viewer.js";
import { canReadRequest, NOT_REPRESENTATIVE, type OrgRole, type ViewerOrgs } from "./procurement.policy.js";
import type { RequestState } from "./procurement.workflow.js";

/**
 * The request row FOR NO KEY UPDATE (answers and transitions reference it: their inserts' KEY
 * SHARE never wait on it). Every write to a request or to one of its answers takes it, so two
 * decisions at once (or a decision and an answer) are serialised and the second reads the first's result.
 */
export const requestLock: RowLock<BuyerRequestRow> = {
  kind: "buyerRequest",
  take: async (tx, id) => {
    const [row] = await tx.select().from(buyerRequests).where(eq(buyerRequests.id, id)).for("no key update");
    return row;
  },
};

export type RequestWork = Work & { request: BuyerRequestRow; orgs: ViewerOrgs };

/** The viewer's organisations and role in each, read in the unit of work. */
export async function orgsOf(tx: Executor, viewer: Viewer | null): Promise<Map<string, OrgRole>> {
  if (!viewer) return new Map();
  const rows = await tx
    .select({ organizationId: organizationMembers.organizationId, role: organizationMembers.role })
    .from(organizationMembers)
    .where(eq(organizationMembers.userId, viewer.id));
  return new Map(rows.map((r) => [r.organizationId, r.role]));
}

/**
 * One write to a request (or one of its answers): a unit of work that locks it and hands it as it
 * is under the lock, with the viewer's organisations. One the viewer may not read (another's
 * draft) is NOT_FOUND, as a missing one.
 */
export async function inRequest<T>(
  db: Database,
  viewer: Viewer,
  id: string,
  write: (w: RequestWork) => Promise<T>,
): Promise<T> {
  if (!isUuid(id)) throw notFound("Buyer request");
  return unitOfWork(db, async (w) => {
    const request = await w.lock(requestLock, id);
    const orgs = await orgsOf(w.tx, viewer);
    if (!request || !canReadRequest(orgs, request)) throw notFound("Buyer request");
    return write({ ...w, request, orgs });
  });
}

/** The version the client saw is not the current one: CONFLICT with where the request stands now. */
export const staleRequest = (r: BuyerRequestRow) =>
  conflict(`Someone changed this request meanwhile: it is now ${r.state.toLowerCase()}, version ${r.version}.`, {
    state: r.state,
    version: r.version,
  });

export const wrongState = (r: BuyerRequestRow, doing: string) =>
  conflict(`A request that is ${r.state.toLowerCase()} cannot be ${doing}.`, { state: r.state, version: r.version });

export const staleAnswer = (a: SupplierAnswerRow) =>
  conflict(`This answer changed meanwhile: it is now ${a.status.toLowerCase()}, version ${a.version}.`, {
    status: a.status,
    version: a.version,
  });

export const wrongAnswerStatus = (a: SupplierAnswerRow, doing: string) =>
  conflict(`An answer that is ${a.status.toLowerCase().replace("_", " ")} cannot be ${doing}.`, {
    status: a.status,
    version: a.version,
  });

/**
 * The organisation acts as a partner: a withdrawn one no longer publishes nor answers (FORBIDDEN
 * saying so). `organizationId` must be one the viewer represents (checked before).
 */
export async function requireCurrentPartner(tx: Executor, organizationId: string, doing: string): Promise<void> {
  const [org] = await tx
    .select({ withdrawnOn: organizations.withdrawnOn })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!org) throw forbidden(NOT_REPRESENTATIVE);
  if (org.withdrawnOn !== null)
    throw forbidden(`This organisation withdrew from the memorandum on ${org.withdrawnOn}: it can no longer ${doing}.`);
}

/** Records a step of the request's one history, in the step's unit of work. */
export async function recordTransition(
  tx: Executor,
  step: { requestId: string; from: RequestState | null; to: RequestState; actorId: string; note?: string | null },
): Promise<void> {
  await tx.insert(buyerRequestTransitions).values({
    requestId: step.requestId,
    fromState: step.from,
    toState: step.to,
    actorId: step.actorId,
    note: step.note ?? null,
  });
}

/** The representatives of these organisations (accounts not deleted), to be told of a request or an answer. */
export async function representativesOf(tx: Executor, organizationIds: readonly string[]): Promise<string[]> {
  if (!organizationIds.length) return [];
  const rows = await tx
    .select({ id: organizationMembers.userId })
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(
      and(
        inArray(organizationMembers.organizationId, [...organizationIds]),
        eq(organizationMembers.role, "REPRESENTATIVE"),
        isNull(users.deletedAt),
      ),
    );
  return [...new Set(rows.map((r) => r.id))];
}
