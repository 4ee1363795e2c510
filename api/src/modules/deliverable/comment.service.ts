import { type Database, type DeliverableCommentRow, deliverableComments, type Executor } from "@pratica/db";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { badInput, conflict, forbidden } from "../../core/errors.js";
import { findById } from "../../core/find.js";
import { parseInput } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import type { AmendmentService } from "./amendment.service.js";
import { recordDeliverableEvent } from "./deliverable.events.js";
import { canComment, canResolveComment } from "./deliverable.policy.js";
import { addCommentRules } from "./deliverable.rules.js";
import type { DeliverableService } from "./deliverable.service.js";
import type { SectionService } from "./section.service.js";

/**
 * Comments beside the text: on a section (optionally quoting a span of its current text) or on
 * an amendment, with replies; a thread (its root) is resolved or reopened as a whole.
 */
export class CommentService {
  constructor(
    private readonly db: Database,
    private readonly deliverables: DeliverableService,
    private readonly sections: SectionService,
    private readonly amendments: AmendmentService,
  ) {}

  load(commentId: string, db: Executor = this.db): Promise<DeliverableCommentRow> {
    return findById(db, deliverableComments, commentId, "Comment");
  }

  /** Root comments of sections or amendments, oldest first. */
  roots(on: "section" | "amendment", ids: readonly string[]): Promise<DeliverableCommentRow[]> {
    const column = on === "section" ? deliverableComments.sectionId : deliverableComments.amendmentId;
    return this.db
      .select()
      .from(deliverableComments)
      .where(and(inArray(column, [...ids]), isNull(deliverableComments.parentId)))
      .orderBy(asc(deliverableComments.createdAt), asc(deliverableComments.id));
  }

  replies(rootIds: readonly string[]): Promise<DeliverableCommentRow[]> {
    return this.db
      .select()
      .from(deliverableComments)
      .where(inArray(deliverableComments.parentId, [...rootIds]))
      .orderBy(asc(deliverableComments.createdAt), asc(deliverableComments.id));
  }

  async add(viewer: Viewer | null, input: unknown): Promise<DeliverableCommentRow> {
    const { sectionId, amendmentId, parentId, body, quote } = parseInput(addCommentRules, input);
    const target = await this.target({ sectionId, amendmentId, parentId });
    if (quote !== undefined && !target.sectionId)
      throw badInput("quote", "Only a comment on a section quotes its text.");
    return this.deliverables.mutate(viewer, target.deliverableId, async (tx, { deliverable, access, viewer }) => {
      if (!canComment(access, { status: "DRAFT" }))
        throw forbidden("Only active members of this community can comment.");
      if (!canComment(access, deliverable))
        throw conflict("An archived document takes no more comments.", { status: deliverable.status });
      if (quote !== undefined && target.sectionId && !parentId) {
        const section = await this.sections.load(target.sectionId, tx);
        if (!quote.trim() || !section.body.includes(quote)) {
          throw badInput("quote", "The quote must be a passage of the section's current text.");
        }
      }
      const [comment] = await tx
        .insert(deliverableComments)
        .values({
          deliverableId: deliverable.id,
          communityId: deliverable.communityId,
          sectionId: target.sectionId,
          amendmentId: target.amendmentId,
          parentId: parentId ?? null,
          authorId: viewer.id,
          body,
          quote: parentId ? null : (quote ?? null),
        })
        .returning();
      if (!comment) throw new Error("comment not created");
      const event = await recordDeliverableEvent(tx, {
        deliverableId: deliverable.id,
        communityId: deliverable.communityId,
        type: "COMMENT_ADDED",
        subjectId: comment.id,
        actorId: viewer.id,
      });
      return { value: comment, events: [event] };
    });
  }

  async resolve(viewer: Viewer | null, commentId: string, resolved: boolean): Promise<DeliverableCommentRow> {
    const { deliverableId } = await this.load(commentId);
    return this.deliverables.mutate(viewer, deliverableId, async (tx, { access, viewer }) => {
      const comment = await this.load(commentId, tx);
      if (comment.parentId) throw badInput("commentId", "Resolve the thread from its first comment.");
      if (!canResolveComment(access, comment)) {
        throw forbidden("Only whoever opened the thread or an editor can resolve it.");
      }
      if ((comment.resolvedAt !== null) === resolved) return { value: comment };
      const [updated] = await tx
        .update(deliverableComments)
        .set(resolved ? { resolvedAt: new Date(), resolvedBy: viewer.id } : { resolvedAt: null, resolvedBy: null })
        .where(eq(deliverableComments.id, comment.id))
        .returning();
      const event = await recordDeliverableEvent(tx, {
        deliverableId,
        communityId: comment.communityId,
        type: "COMMENT_RESOLVED",
        subjectId: comment.id,
        actorId: viewer.id,
      });
      return { value: updated ?? comment, events: [event] };
    });
  }

  /** Where a new comment goes: a reply inherits its root's section or amendment. */
  private async target(t: {
    sectionId?: string | undefined;
    amendmentId?: string | undefined;
    parentId?: string | undefined;
  }) {
    if (t.parentId) {
      const parent = await this.load(t.parentId);
      if (parent.parentId) throw badInput("parentId", "Reply to the first comment of a thread.");
      return { deliverableId: parent.deliverableId, sectionId: parent.sectionId, amendmentId: parent.amendmentId };
    }
    if (t.amendmentId) {
      const amendment = await this.amendments.load(t.amendmentId);
      return { deliverableId: amendment.deliverableId, sectionId: null, amendmentId: amendment.id };
    }
    const section = await this.sections.load(t.sectionId ?? "");
    return { deliverableId: section.deliverableId, sectionId: section.id, amendmentId: null };
  }
}
