import {
  type AmendmentRow,
  amendments,
  type Database,
  type DeliverableRow,
  deliverableEditors,
  type Executor,
  type NotificationRow,
} from "@pratica/db";
import { and, asc, eq } from "drizzle-orm";
import { badInput, conflict, forbidden } from "../../core/errors.js";
import { findById } from "../../core/find.js";
import { parseInput } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import { canWrite } from "../community/community.policy.js";
import type { NotificationService } from "../notification/notification.service.js";
import { type RecordedDeliverableEvent, recordDeliverableEvent } from "./deliverable.events.js";
import { canManage, canWithdrawAmendment } from "./deliverable.policy.js";
import { acceptAmendmentRules, proposeAmendmentRules, rejectAmendmentRules } from "./deliverable.rules.js";
import type { DeliverableService, Written } from "./deliverable.service.js";
import type { AmendmentStatus } from "./deliverable.workflow.js";
import { assertTextOpen } from "./document.service.js";
import { assertCurrent, currentOf, mustEdit, SectionService } from "./section.service.js";

/**
 * Amendments: any active member proposes a replacement text for a section; an editor accepts
 * it (a new revision credited to the proposer) or rejects it with a reason; the proposer may
 * withdraw it. One written against an older version of the section is stale: accepting it
 * needs the editor's merged text, confirmed against the current version.
 */
export class AmendmentService {
  constructor(
    private readonly db: Database,
    private readonly deliverables: DeliverableService,
    private readonly sections: SectionService,
    private readonly notifications: NotificationService,
  ) {}

  load(amendmentId: string, db: Executor = this.db): Promise<AmendmentRow> {
    return findById(db, amendments, amendmentId, "Amendment");
  }

  list(deliverableId: string, status?: AmendmentStatus | null): Promise<AmendmentRow[]> {
    return this.db
      .select()
      .from(amendments)
      .where(and(eq(amendments.deliverableId, deliverableId), status ? eq(amendments.status, status) : undefined))
      .orderBy(asc(amendments.createdAt), asc(amendments.id));
  }

  async propose(viewer: Viewer | null, input: unknown): Promise<AmendmentRow> {
    const { sectionId, body, rationale, baseVersion } = parseInput(proposeAmendmentRules, input);
    const { deliverableId } = await this.sections.load(sectionId);
    return this.deliverables.mutate(viewer, deliverableId, async (tx, { deliverable, access, viewer }) => {
      if (!canWrite(access)) throw forbidden("Only active members of this community can propose amendments.");
      assertTextOpen(deliverable);
      const section = await this.sections.load(sectionId, tx);
      if (section.removedAt) throw conflict("This section was removed from the document.", currentOf(section));
      const base = baseVersion ?? section.version;
      if (base > section.version) throw badInput("baseVersion", `This section has no version ${base} yet.`);
      if (base === section.version && body === section.body) {
        throw badInput("body", "The amendment is the same as the current text.");
      }
      const [amendment] = await tx
        .insert(amendments)
        .values({
          sectionId: section.id,
          deliverableId: deliverable.id,
          communityId: deliverable.communityId,
          proposerId: viewer.id,
          body,
          rationale,
          baseVersion: base,
        })
        .returning();
      if (!amendment) throw new Error("amendment not created");
      const event = await this.event(tx, amendment, "AMENDMENT_PROPOSED", viewer);
      const editors = await tx
        .select({ userId: deliverableEditors.userId })
        .from(deliverableEditors)
        .where(eq(deliverableEditors.deliverableId, deliverable.id));
      const notifications = await this.notify(tx, "AMENDMENT_PROPOSED", amendment, deliverable, viewer, {
        userIds: editors.map((e) => e.userId),
        excerpt: `${section.heading}: ${rationale}`,
      });
      return { value: amendment, events: [event], notifications };
    });
  }

  async accept(viewer: Viewer | null, input: unknown): Promise<AmendmentRow> {
    const { amendmentId, mergedBody, expectedVersion } = parseInput(acceptAmendmentRules, input);
    return this.decide(viewer, amendmentId, async (tx, amendment, _deliverable, viewer) => {
      const section = await this.sections.load(amendment.sectionId, tx);
      if (section.removedAt) throw conflict("This section was removed from the document.", currentOf(section));
      const stale = amendment.baseVersion !== section.version;
      if (stale && (mergedBody === undefined || expectedVersion === undefined)) {
        throw conflict(
          `This amendment was written against version ${amendment.baseVersion}; the section is now at version ${section.version}. Confirm the merged text to accept it.`,
          { ...currentOf(section), amendmentBody: amendment.body, stale: true },
        );
      }
      if (expectedVersion !== undefined) assertCurrent(section, expectedVersion);
      const applied = await SectionService.apply(tx, section, {
        body: mergedBody ?? amendment.body,
        authorId: amendment.proposerId,
        editorId: viewer.id,
        amendmentId: amendment.id,
      });
      return { status: "ACCEPTED", reason: null, events: applied.events ?? [] };
    });
  }

  async reject(viewer: Viewer | null, input: unknown): Promise<AmendmentRow> {
    const { amendmentId, reason } = parseInput(rejectAmendmentRules, input);
    return this.decide(viewer, amendmentId, async () => ({ status: "REJECTED", reason, events: [] }));
  }

  async withdraw(viewer: Viewer | null, amendmentId: string): Promise<AmendmentRow> {
    const { deliverableId } = await this.load(amendmentId);
    return this.deliverables.mutate(viewer, deliverableId, async (tx, { access, viewer }) => {
      const amendment = await this.load(amendmentId, tx);
      if (!canWithdrawAmendment(access, amendment)) throw forbidden("Only its proposer can withdraw an amendment.");
      assertOpen(amendment);
      return this.close(tx, amendment, viewer, { status: "WITHDRAWN", reason: null, events: [] }, []);
    });
  }

  /** Accepting and rejecting: an editor's call, on an amendment still open. */
  private async decide(
    viewer: Viewer | null,
    amendmentId: string,
    decision: (
      tx: Executor,
      amendment: AmendmentRow,
      deliverable: DeliverableRow,
      viewer: Viewer,
    ) => Promise<{ status: AmendmentStatus; reason: string | null; events: RecordedDeliverableEvent[] }>,
  ): Promise<AmendmentRow> {
    const { deliverableId } = await this.load(amendmentId);
    return this.deliverables.mutate(viewer, deliverableId, async (tx, { deliverable, access, viewer }) => {
      if (!canManage(access)) throw forbidden("Only the document's editors decide on amendments.");
      const amendment = await this.load(amendmentId, tx);
      assertOpen(amendment);
      mustEdit(access, deliverable);
      const outcome = await decision(tx, amendment, deliverable, viewer);
      const notifications = await this.notify(tx, "AMENDMENT_DECIDED", amendment, deliverable, viewer, {
        userIds: [amendment.proposerId],
        excerpt: outcome.reason ?? amendment.rationale,
      });
      return this.close(tx, amendment, viewer, outcome, notifications);
    });
  }

  private async close(
    tx: Executor,
    amendment: AmendmentRow,
    viewer: Viewer,
    outcome: { status: AmendmentStatus; reason: string | null; events: RecordedDeliverableEvent[] },
    notifications: NotificationRow[],
  ): Promise<Written<AmendmentRow>> {
    const [updated] = await tx
      .update(amendments)
      .set({ status: outcome.status, deciderId: viewer.id, decisionReason: outcome.reason, decidedAt: new Date() })
      .where(and(eq(amendments.id, amendment.id), eq(amendments.status, "OPEN")))
      .returning();
    if (!updated) throw new Error("amendment changed under the deliverable lock");
    const event = await this.event(tx, updated, "AMENDMENT_DECIDED", viewer);
    return { value: updated, events: [...outcome.events, event], notifications };
  }

  private event(tx: Executor, a: AmendmentRow, type: "AMENDMENT_PROPOSED" | "AMENDMENT_DECIDED", viewer: Viewer) {
    return recordDeliverableEvent(tx, {
      deliverableId: a.deliverableId,
      communityId: a.communityId,
      type,
      subjectId: a.id,
      actorId: viewer.id,
    });
  }

  private notify(
    tx: Executor,
    kind: "AMENDMENT_PROPOSED" | "AMENDMENT_DECIDED",
    amendment: AmendmentRow,
    deliverable: DeliverableRow,
    viewer: Viewer,
    to: { userIds: string[]; excerpt: string },
  ) {
    return this.notifications.forAmendment(tx, {
      kind,
      ...to,
      actorId: viewer.id,
      communityId: deliverable.communityId,
      deliverableId: deliverable.id,
      amendmentId: amendment.id,
    });
  }
}

function assertOpen(amendment: AmendmentRow) {
  if (amendment.status !== "OPEN") {
    throw conflict(`This amendment was already ${amendment.status.toLowerCase()}.`, { status: amendment.status });
  }
}
