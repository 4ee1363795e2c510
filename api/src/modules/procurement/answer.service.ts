import {
  type BuyerRequestRow,
  type Database,
  type SupplierAnswerRow,
  supplierAnswers,
  supplierProfiles,
} from "@pratica/db";
import { and, eq } from "drizzle-orm";
import { badInput, conflict, forbidden, notFound, unauthenticated } from "../../core/errors.js";
import { isUuid } from "../../core/ids.js";
import { parseInput, withoutNulls } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import { isUniqueViolation } from "../admin/unique.js";
import type { NotificationService } from "../notification/notification.service.js";
import { canDecide, canReadAnswer, NOT_REPRESENTATIVE, representsOrg } from "./procurement.policy.js";
import { answerRules, updateAnswerRules } from "./procurement.rules.js";
import { type AnswerStep, nextAnswerStatus, takesAnswers } from "./procurement.workflow.js";
import type { RequestService } from "./request.service.js";
import {
  inRequest,
  type RequestWork,
  representativesOf,
  requireCurrentPartner,
  staleAnswer,
  wrongAnswerStatus,
  wrongState,
} from "./request-work.js";

const LOGIN = "Log in as a representative of the supplier to do this.";

/**
 * Suppliers' private answers: answer once per organisation while the request is OPEN and before
 * its deadline, correct, withdraw; the buyer shortlists. Each under the request's lock.
 */
export class AnswerService {
  constructor(
    private readonly db: Database,
    private readonly notifications: NotificationService,
    private readonly requests: RequestService,
    private readonly now: () => Date,
  ) {}

  async answer(viewer: Viewer | null, raw: object): Promise<SupplierAnswerRow> {
    if (!viewer) throw unauthenticated(LOGIN);
    const input = parseInput(answerRules, withoutNulls(raw));
    return inRequest(this.db, viewer, input.requestId, async (w) => {
      const { tx, request } = w;
      if (!representsOrg(w.orgs, input.organizationId)) throw forbidden(NOT_REPRESENTATIVE);
      await requireCurrentPartner(tx, input.organizationId, "answer requests");
      if (input.organizationId === request.organizationId)
        throw badInput("organizationId", "A buyer does not answer its own request.");
      const [profile] = await tx
        .select({ id: supplierProfiles.organizationId })
        .from(supplierProfiles)
        .where(eq(supplierProfiles.organizationId, input.organizationId));
      if (!profile)
        throw badInput(
          "organizationId",
          "Describe the organisation as a supplier (its supplier profile) before answering.",
        );
      const now = this.now();
      if (!takesAnswers(request, now)) throw closedForAnswers(request, now);
      const [existing] = await tx
        .select({ id: supplierAnswers.id })
        .from(supplierAnswers)
        .where(
          and(eq(supplierAnswers.requestId, request.id), eq(supplierAnswers.organizationId, input.organizationId)),
        );
      if (existing) throw answeredAlready();
      const [created] = await tx
        .insert(supplierAnswers)
        .values({
          requestId: request.id,
          organizationId: input.organizationId,
          authorId: viewer.id,
          body: input.body,
          amount: input.amount,
          createdAt: now,
          updatedAt: now,
        })
        .returning()
        .catch((error: unknown) => {
          // Under the request's lock two answers of one organisation cannot race; the index is the last word.
          throw isUniqueViolation(error) ? answeredAlready() : error;
        });
      if (!created) throw new Error("answer not created");
      const people = await representativesOf(tx, [request.organizationId]);
      if (request.authorId) people.push(request.authorId);
      const told = await this.notifications.forBuySocial(tx, {
        kind: "SUPPLIER_ANSWERED",
        userIds: [...new Set(people)].filter((u) => u !== viewer.id),
        actorId: viewer.id,
        buyerRequestId: request.id,
        excerpt: request.title,
      });
      w.afterCommit(() => this.notifications.publish(told));
      return created;
    });
  }

  /** The supplier corrects its answer while the request takes answers. */
  async update(viewer: Viewer | null, raw: object): Promise<SupplierAnswerRow> {
    if (!viewer) throw unauthenticated(LOGIN);
    const input = parseInput(updateAnswerRules, withoutNulls(raw));
    return this.bySupplier(viewer, input.id, input.version, "UPDATE", "changed", async (w, answer, now) => {
      if (!takesAnswers(w.request, now)) throw closedForAnswers(w.request, now);
      return this.set(w, answer, { body: input.body, amount: input.amount }, now);
    });
  }

  /** The supplier withdraws while the buyer has not decided (the request OPEN or SHORTLISTING). */
  async withdraw(viewer: Viewer | null, id: string, version: number): Promise<SupplierAnswerRow> {
    return this.bySupplier(viewer, id, version, "WITHDRAW", "withdrawn", async (w, answer, now) => {
      if (w.request.state !== "OPEN" && w.request.state !== "SHORTLISTING") throw wrongState(w.request, "answered");
      return this.set(w, answer, { status: "WITHDRAWN" }, now);
    });
  }

  /** The buyer's representatives shortlist a SUBMITTED answer (the request OPEN or SHORTLISTING); its supplier is told. */
  async shortlist(viewer: Viewer | null, id: string, version: number): Promise<SupplierAnswerRow> {
    if (!viewer) throw unauthenticated("Log in as a representative of the buyer to do this.");
    return this.inAnswer(viewer, id, async (w, answer) => {
      if (!representsOrg(w.orgs, w.request.organizationId))
        throw forbidden("Only the buyer's representatives shortlist answers.");
      if (answer.version !== version) throw staleAnswer(answer);
      if (!canDecide(viewer, w.orgs, w.request)) throw wrongState(w.request, "decided");
      if (!nextAnswerStatus("SHORTLIST", answer.status)) throw wrongAnswerStatus(answer, "shortlisted");
      const shortlisted = await this.set(w, answer, { status: "SHORTLISTED" }, this.now());
      const told = await this.requests.tellSupplier({ ...w, viewerId: viewer.id }, shortlisted, w.request);
      w.afterCommit(() => this.notifications.publish(told));
      return shortlisted;
    });
  }

  /** A step by the supplier: its representatives only (its members read the answer but do not change it). */
  private bySupplier(
    viewer: Viewer | null,
    id: string,
    version: number,
    step: AnswerStep,
    doing: string,
    write: (w: RequestWork, answer: SupplierAnswerRow, now: Date) => Promise<SupplierAnswerRow>,
  ): Promise<SupplierAnswerRow> {
    if (!viewer) throw unauthenticated(LOGIN);
    return this.inAnswer(viewer, id, async (w, answer) => {
      if (!representsOrg(w.orgs, answer.organizationId)) throw forbidden(NOT_REPRESENTATIVE);
      if (answer.version !== version) throw staleAnswer(answer);
      if (!nextAnswerStatus(step, answer.status)) throw wrongAnswerStatus(answer, doing);
      return write(w, answer, this.now());
    });
  }

  /** Locks the answer's request, then re-reads the answer under it; one the viewer may not read is NOT_FOUND. */
  private async inAnswer<T>(
    viewer: Viewer,
    id: string,
    write: (w: RequestWork, answer: SupplierAnswerRow) => Promise<T>,
  ): Promise<T> {
    if (!isUuid(id)) throw notFound("Answer");
    const [found] = await this.db
      .select({ requestId: supplierAnswers.requestId })
      .from(supplierAnswers)
      .where(eq(supplierAnswers.id, id));
    if (!found) throw notFound("Answer");
    return inRequest(this.db, viewer, found.requestId, async (w) => {
      const [answer] = await w.tx.select().from(supplierAnswers).where(eq(supplierAnswers.id, id));
      if (!answer || !canReadAnswer(w.orgs, w.request, answer)) throw notFound("Answer");
      return write(w, answer);
    });
  }

  private async set(
    w: RequestWork,
    answer: SupplierAnswerRow,
    change: Partial<typeof supplierAnswers.$inferInsert>,
    now: Date,
  ): Promise<SupplierAnswerRow> {
    const [updated] = await w.tx
      .update(supplierAnswers)
      .set({ ...change, version: answer.version + 1, updatedAt: now })
      .where(eq(supplierAnswers.id, answer.id))
      .returning();
    if (!updated) throw new Error("answer not updated");
    return updated;
  }
}

const answeredAlready = () =>
  conflict("This organisation has already answered this request: change or withdraw its answer instead.");

/** Not OPEN, or past the deadline: CONFLICT with where the request stands. */
const closedForAnswers = (r: BuyerRequestRow, now: Date) =>
  r.state === "OPEN" && r.deadlineAt.getTime() <= now.getTime()
    ? conflict("The deadline for answers to this request has passed.", { state: r.state, version: r.version })
    : wrongState(r, "answered");
