import {
  type BuyerRequestRow,
  buyerRequests,
  type Database,
  type NotificationRow,
  type SupplierAnswerRow,
  supplierAnswers,
} from "@pratica/db";
import { and, eq, inArray } from "drizzle-orm";
import { badInput, forbidden, unauthenticated } from "../../core/errors.js";
import { isUuid } from "../../core/ids.js";
import { unitOfWork } from "../../core/unit-of-work.js";
import { parseInput, withoutNulls } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import type { CpvService } from "../cpv/cpv.service.js";
import type { NotificationService } from "../notification/notification.service.js";
import { suppliersFor } from "./matching.js";
import { canDecide, canEditRequest, NOT_REPRESENTATIVE, representsOrg } from "./procurement.policy.js";
import {
  awardRules,
  closeRules,
  createRequestRules,
  type RequestFields,
  updateRequestRules,
} from "./procurement.rules.js";
import { LIVE_ANSWERS, nextState, type RequestStep } from "./procurement.workflow.js";
import {
  inRequest,
  orgsOf,
  type RequestWork,
  recordTransition,
  representativesOf,
  requireCurrentPartner,
  staleRequest,
  wrongState,
} from "./request-work.js";

const LOGIN = "Log in as a representative of the buyer to do this.";

/**
 * A buyer's requests: create a draft, edit it, open it (telling matching suppliers), shortlist,
 * award or close. Every step in one unit of work under the request's lock (request-work.ts).
 */
export class RequestService {
  constructor(
    private readonly db: Database,
    private readonly notifications: NotificationService,
    private readonly cpv: CpvService,
    readonly now: () => Date,
  ) {}

  async create(viewer: Viewer | null, raw: object): Promise<BuyerRequestRow> {
    if (!viewer) throw unauthenticated(LOGIN);
    const input = parseInput(createRequestRules, withoutNulls(raw));
    const now = this.now();
    this.checkDeadline(input.deadlineAt, now);
    return unitOfWork(this.db, async ({ tx }) => {
      const orgs = await orgsOf(tx, viewer);
      if (!representsOrg(orgs, input.organizationId)) throw forbidden(NOT_REPRESENTATIVE);
      await requireCurrentPartner(tx, input.organizationId, "publish requests");
      const cpvCodes = await this.cpv.validate(tx, input.cpvCodes, "cpvCodes");
      const [created] = await tx
        .insert(buyerRequests)
        .values({
          ...columns(input),
          cpvCodes,
          organizationId: input.organizationId,
          authorId: viewer.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!created) throw new Error("request not created");
      await recordTransition(tx, { requestId: created.id, from: null, to: "DRAFT", actorId: viewer.id });
      return created;
    });
  }

  async update(viewer: Viewer | null, raw: object): Promise<BuyerRequestRow> {
    if (!viewer) throw unauthenticated(LOGIN);
    const input = parseInput(updateRequestRules, withoutNulls(raw));
    return inRequest(this.db, viewer, input.id, async (w) => {
      const { tx, request } = w;
      this.requireBuyerRepresentative(w);
      if (request.version !== input.version) throw staleRequest(request);
      const now = this.now();
      if (!canEditRequest(viewer, w.orgs, request, now)) throw wrongState(request, "edited");
      await requireCurrentPartner(tx, request.organizationId, "publish requests");
      this.checkDeadline(input.deadlineAt, now);
      const cpvCodes = await this.cpv.validate(tx, input.cpvCodes, "cpvCodes");
      const [updated] = await tx
        .update(buyerRequests)
        .set({ ...columns(input), cpvCodes, version: request.version + 1, updatedAt: now })
        .where(eq(buyerRequests.id, request.id))
        .returning();
      if (!updated) throw new Error("request not updated");
      return updated;
    });
  }

  /** DRAFT → OPEN while the deadline is ahead; the matching suppliers' representatives are told. */
  async open(viewer: Viewer | null, id: string, version: number): Promise<BuyerRequestRow> {
    return this.step(viewer, id, version, "OPEN", "opened", async (w, now) => {
      await requireCurrentPartner(w.tx, w.request.organizationId, "publish requests");
      this.checkDeadline(w.request.deadlineAt, now);
      const opened = await this.move(w, "OPEN", now, { openedAt: now });
      const matched = await suppliersFor(w.tx, this.cpv, opened, now);
      const told = await this.notifications.forBuySocial(w.tx, {
        kind: "SUPPLIER_MATCHED",
        userIds: (
          await representativesOf(
            w.tx,
            matched.map((m) => m.organizationId),
          )
        ).filter((u) => u !== w.viewerId),
        actorId: w.viewerId,
        buyerRequestId: opened.id,
        excerpt: opened.title,
      });
      w.afterCommit(() => this.notifications.publish(told));
      return opened;
    });
  }

  async startShortlisting(viewer: Viewer | null, id: string, version: number): Promise<BuyerRequestRow> {
    return this.step(viewer, id, version, "SHORTLIST", "shortlisted", (w, now) => this.move(w, "SHORTLISTING", now));
  }

  /** → AWARDED: the chosen answer AWARDED, the others still in the running NOT_SELECTED; all of them told. */
  async award(viewer: Viewer | null, raw: object): Promise<BuyerRequestRow> {
    if (!viewer) throw unauthenticated(LOGIN);
    const input = parseInput(awardRules, withoutNulls(raw));
    return this.step(viewer, input.id, input.version, "AWARD", "awarded", async (w, now) => {
      const [winner] = isUuid(input.answerId)
        ? await w.tx
            .select()
            .from(supplierAnswers)
            .where(and(eq(supplierAnswers.id, input.answerId), eq(supplierAnswers.requestId, w.request.id)))
        : [];
      if (!winner || !LIVE_ANSWERS.includes(winner.status))
        throw badInput("answerId", "Choose an answer to this request that was not withdrawn.");
      const awarded = await this.move(w, "AWARDED", now, {
        awardedOrganizationId: winner.organizationId,
        awardedAmount: input.amount,
        awardedAt: now,
        outcomeNote: input.outcomeNote,
      });
      await this.settleAnswers(w, now, winner, awarded);
      return awarded;
    });
  }

  /** OPEN | SHORTLISTING → CLOSED with the reason; the answers still in the running NOT_SELECTED and told. */
  async close(viewer: Viewer | null, raw: object): Promise<BuyerRequestRow> {
    if (!viewer) throw unauthenticated(LOGIN);
    const input = parseInput(closeRules, withoutNulls(raw));
    return this.step(viewer, input.id, input.version, "CLOSE", "closed", async (w, now) => {
      const closed = await this.move(
        w,
        "CLOSED",
        now,
        { outcomeNote: input.outcomeNote, closedAt: now },
        input.outcomeNote,
      );
      await this.settleAnswers(w, now, null, closed);
      return closed;
    });
  }

  /** The common frame of a step by the buyer: login, lock, read rule, representative, version, workflow. */
  private step<T>(
    viewer: Viewer | null,
    id: string,
    version: number,
    step: RequestStep,
    doing: string,
    write: (w: RequestWork & { viewerId: string }, now: Date) => Promise<T>,
  ): Promise<T> {
    if (!viewer) throw unauthenticated(LOGIN);
    return inRequest(this.db, viewer, id, async (w) => {
      this.requireBuyerRepresentative(w);
      if (w.request.version !== version) throw staleRequest(w.request);
      if (!nextState(step, w.request.state)) throw wrongState(w.request, doing);
      if (step !== "OPEN" && !canDecide(viewer, w.orgs, w.request)) throw wrongState(w.request, doing);
      return write({ ...w, viewerId: viewer.id }, this.now());
    });
  }

  private requireBuyerRepresentative(w: RequestWork): void {
    if (!representsOrg(w.orgs, w.request.organizationId)) {
      throw forbidden("Only the buyer's representatives can change its requests.");
    }
  }

  private async move(
    w: RequestWork & { viewerId: string },
    to: BuyerRequestRow["state"],
    now: Date,
    more: Partial<typeof buyerRequests.$inferInsert> = {},
    note: string | null = null,
  ): Promise<BuyerRequestRow> {
    const { tx, request } = w;
    const [moved] = await tx
      .update(buyerRequests)
      .set({ ...more, state: to, version: request.version + 1, updatedAt: now })
      .where(eq(buyerRequests.id, request.id))
      .returning();
    if (!moved) throw new Error("request not moved");
    await recordTransition(tx, { requestId: request.id, from: request.state, to, actorId: w.viewerId, note });
    return moved;
  }

  /**
   * The answers still in the running: the winner AWARDED (when there is one), the others
   * NOT_SELECTED; each answering supplier's representatives and the answer's author are told.
   */
  private async settleAnswers(
    w: RequestWork & { viewerId: string },
    now: Date,
    winner: SupplierAnswerRow | null,
    request: BuyerRequestRow,
  ): Promise<void> {
    const { tx } = w;
    const live = await tx
      .select()
      .from(supplierAnswers)
      .where(and(eq(supplierAnswers.requestId, request.id), inArray(supplierAnswers.status, [...LIVE_ANSWERS])));
    for (const a of live) {
      await tx
        .update(supplierAnswers)
        .set({ status: a.id === winner?.id ? "AWARDED" : "NOT_SELECTED", version: a.version + 1, updatedAt: now })
        .where(eq(supplierAnswers.id, a.id));
    }
    const told: NotificationRow[] = [];
    for (const a of live) told.push(...(await this.tellSupplier(w, a, request)));
    w.afterCommit(() => this.notifications.publish(told));
  }

  /** BUYER_REQUEST_DECIDED to an answering supplier: its representatives and the answer's author. */
  async tellSupplier(
    w: RequestWork & { viewerId: string },
    answer: SupplierAnswerRow,
    request: BuyerRequestRow,
  ): Promise<NotificationRow[]> {
    const people = await representativesOf(w.tx, [answer.organizationId]);
    if (answer.authorId) people.push(answer.authorId);
    return this.notifications.forBuySocial(w.tx, {
      kind: "BUYER_REQUEST_DECIDED",
      userIds: [...new Set(people)].filter((u) => u !== w.viewerId),
      actorId: w.viewerId,
      buyerRequestId: request.id,
      excerpt: request.title,
    });
  }

  private checkDeadline(deadlineAt: Date, now: Date): void {
    if (deadlineAt.getTime() <= now.getTime())
      throw badInput("deadlineAt", "The deadline for answers must be in the future.");
  }
}

const columns = (f: RequestFields) => ({
  title: f.title,
  description: f.description,
  area: f.area,
  wholeMetroArea: f.wholeMetroArea,
  budgetBand: f.budgetBand,
  deadlineAt: f.deadlineAt,
  preferredCertifications: f.preferredCertifications,
});
