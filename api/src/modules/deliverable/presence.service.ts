import { type Database, type DeliverablePresenceRow, deliverablePresence } from "@pratica/db";
import { and, eq, gt } from "drizzle-orm";
import { badInput, unauthenticated } from "../../core/errors.js";
import type { EventBus } from "../../core/event-bus.js";
import { unitOfWork } from "../../core/unit-of-work.js";
import type { Viewer } from "../../core/viewer.js";
import { canEditText } from "./deliverable.policy.js";
import type { DeliverableService } from "./deliverable.service.js";

/** Clients refresh their presence every 15 s; someone silent for longer than this has left. */
export const PRESENCE_TTL_MS = 45_000;

/**
 * Who has a document open and which section they are editing. Heartbeats are kept in
 * PostgreSQL (any api instance can answer "who is here" to a newcomer) and told live on the
 * document's topic; they are never replayed.
 */
export class PresenceService {
  constructor(
    private readonly db: Database,
    private readonly deliverables: DeliverableService,
    private readonly bus: EventBus,
  ) {}

  async heartbeat(viewer: Viewer | null, deliverableId: string, sectionId: string | null): Promise<boolean> {
    if (!viewer) throw unauthenticated();
    const { deliverable, access } = await this.deliverables.visible(viewer, deliverableId);
    const editing = sectionId && canEditText(access, deliverable) ? sectionId : null;
    if (editing) {
      const outline = await this.deliverables.sections(deliverable.id);
      if (!outline.some((s) => s.id === editing)) throw badInput("sectionId", "Unknown section.");
    }
    const now = new Date();
    // The viewer's own row, one statement: no lock (presence must not queue behind the document's writers).
    return unitOfWork(this.db, async ({ tx, afterCommit }) => {
      await tx
        .insert(deliverablePresence)
        .values({
          deliverableId: deliverable.id,
          userId: viewer.id,
          communityId: deliverable.communityId,
          sectionId: editing,
          seenAt: now,
        })
        .onConflictDoUpdate({
          target: [deliverablePresence.deliverableId, deliverablePresence.userId],
          set: { sectionId: editing, seenAt: now },
        });
      afterCommit(() =>
        this.bus.publish("deliverable", deliverable.id, {
          kind: "presence",
          deliverableId: deliverable.id,
          userId: viewer.id,
          sectionId: editing,
          active: true,
        }),
      );
      return true;
    });
  }

  async leave(viewer: Viewer | null, deliverableId: string): Promise<boolean> {
    if (!viewer) throw unauthenticated();
    const { deliverable } = await this.deliverables.visible(viewer, deliverableId);
    return unitOfWork(this.db, async ({ tx, afterCommit }) => {
      await tx
        .delete(deliverablePresence)
        .where(and(eq(deliverablePresence.deliverableId, deliverable.id), eq(deliverablePresence.userId, viewer.id)));
      afterCommit(() =>
        this.bus.publish("deliverable", deliverable.id, {
          kind: "presence",
          deliverableId: deliverable.id,
          userId: viewer.id,
          sectionId: null,
          active: false,
        }),
      );
      return true;
    });
  }

  current(deliverableId: string): Promise<DeliverablePresenceRow[]> {
    return this.db
      .select()
      .from(deliverablePresence)
      .where(
        and(
          eq(deliverablePresence.deliverableId, deliverableId),
          gt(deliverablePresence.seenAt, new Date(Date.now() - PRESENCE_TTL_MS)),
        ),
      )
      .orderBy(deliverablePresence.seenAt);
  }
}
