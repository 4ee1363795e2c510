import {
  communityMemberships,
  type DeliverableRow,
  deliverableAuthors,
  deliverableEditors,
  deliverables,
  type Executor,
  organizations,
} from "@pratica/db";
import { and, eq, inArray, sql } from "drizzle-orm";
import { badInput, conflict, forbidden } from "../../core/errors.js";
import { isUuid } from "../../core/ids.js";
import { parseInput } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import { type RecordedDeliverableEvent, recordDeliverableEvent } from "./deliverable.events.js";
import { actsAsPartner, canManage, type DeliverableAccess } from "./deliverable.policy.js";
import { editorRules, organizationsRules, setStatusRules, updateDeliverableRules } from "./deliverable.rules.js";
import { DeliverableService, type Loaded } from "./deliverable.service.js";
import { canMove, TEXT_OPEN } from "./deliverable.workflow.js";

const mustManage = (access: DeliverableAccess) => {
  if (!canManage(access)) throw forbidden("Only the document's editors can do this.");
};

/** The document as a whole: its title, lifecycle, editors and co-authoring organisations. */
export class DocumentService {
  constructor(private readonly deliverables: DeliverableService) {}

  update(viewer: Viewer | null, input: unknown): Promise<DeliverableRow> {
    const { deliverableId, expectedVersion, ...changes } = parseInput(updateDeliverableRules, input);
    return this.deliverables.mutate(viewer, deliverableId, async (tx, { deliverable, access, viewer }) => {
      mustManage(access);
      assertTextOpen(deliverable);
      DeliverableService.assertVersion(deliverable, expectedVersion);
      const [updated] = await tx
        .update(deliverables)
        .set({ ...definedOnly(changes), version: sql`${deliverables.version} + 1`, updatedAt: new Date() })
        .where(eq(deliverables.id, deliverable.id))
        .returning();
      return { value: updated ?? deliverable, events: [await event(tx, deliverable, viewer, "DELIVERABLE_UPDATED")] };
    });
  }

  /** Editors move the document along its lifecycle (deliverable.workflow.ts). */
  setStatus(viewer: Viewer | null, input: unknown): Promise<DeliverableRow> {
    const { deliverableId, status } = parseInput(setStatusRules, input);
    return this.deliverables.mutate(viewer, deliverableId, async (tx, { deliverable, access, viewer }) => {
      mustManage(access);
      return moveStatus(tx, deliverable, viewer, status);
    });
  }

  /** Editors invite co-editors among the community's active members. */
  addEditor(viewer: Viewer | null, input: unknown): Promise<DeliverableRow> {
    const { deliverableId, userId } = parseInput(editorRules, input);
    return this.deliverables.mutate(viewer, deliverableId, async (tx, { deliverable, access, viewer }) => {
      mustManage(access);
      if (!isUuid(userId) || !(await isActiveMember(tx, deliverable.communityId, userId))) {
        throw badInput("userId", "Only active members of this community can edit its documents.");
      }
      const added = await tx
        .insert(deliverableEditors)
        .values({ deliverableId, userId, communityId: deliverable.communityId, addedBy: viewer.id })
        .onConflictDoNothing()
        .returning();
      if (!added.length) return { value: deliverable };
      return {
        value: await DeliverableService.touch(tx, deliverable.id, false),
        events: [await event(tx, deliverable, viewer, "DELIVERABLE_UPDATED")],
      };
    });
  }

  /** A document always keeps at least one editor. */
  removeEditor(viewer: Viewer | null, input: unknown): Promise<DeliverableRow> {
    const { deliverableId, userId } = parseInput(editorRules, input);
    return this.deliverables.mutate(viewer, deliverableId, async (tx, { deliverable, access, viewer }) => {
      mustManage(access);
      const editors = await tx
        .select({ userId: deliverableEditors.userId })
        .from(deliverableEditors)
        .where(eq(deliverableEditors.deliverableId, deliverable.id));
      if (!editors.some((e) => e.userId === userId)) return { value: deliverable };
      if (editors.length === 1) throw conflict("A document needs at least one editor.");
      await tx
        .delete(deliverableEditors)
        .where(and(eq(deliverableEditors.deliverableId, deliverable.id), eq(deliverableEditors.userId, userId)));
      return {
        value: await DeliverableService.touch(tx, deliverable.id, false),
        events: [await event(tx, deliverable, viewer, "DELIVERABLE_UPDATED")],
      };
    });
  }

  /** Names the co-authoring organisations (the whole list, replacing the previous one). */
  setOrganizations(viewer: Viewer | null, input: unknown): Promise<DeliverableRow> {
    const { deliverableId, organizationIds } = parseInput(organizationsRules, input);
    return this.deliverables.mutate(viewer, deliverableId, async (tx, { deliverable, access, viewer }) => {
      mustManage(access);
      const wanted = [...new Set(organizationIds)];
      const known = wanted.every(isUuid)
        ? await tx
            .select({ id: organizations.id, withdrawnOn: organizations.withdrawnOn })
            .from(organizations)
            .where(wanted.length ? inArray(organizations.id, wanted) : sql`false`)
        : [];
      if (known.length !== wanted.length) throw badInput("organizationIds", "Unknown organisation.");
      // A former partner already named stays (history); it cannot be added anew.
      const current = new Set(
        (
          await tx
            .select({ id: deliverableAuthors.organizationId })
            .from(deliverableAuthors)
            .where(eq(deliverableAuthors.deliverableId, deliverable.id))
        ).map((r) => r.id),
      );
      if (known.some((o) => !actsAsPartner(o) && !current.has(o.id))) {
        throw badInput("organizationIds", "A former partner can no longer co-author documents.");
      }
      await tx.delete(deliverableAuthors).where(eq(deliverableAuthors.deliverableId, deliverable.id));
      if (wanted.length) {
        await tx.insert(deliverableAuthors).values(
          wanted.map((organizationId) => ({
            deliverableId: deliverable.id,
            organizationId,
            communityId: deliverable.communityId,
          })),
        );
      }
      return {
        value: await DeliverableService.touch(tx, deliverable.id, false),
        events: [await event(tx, deliverable, viewer, "DELIVERABLE_UPDATED")],
      };
    });
  }
}

/** CONFLICT once the text is closed (after approval), carrying the status. */
export function assertTextOpen(deliverable: Loaded["deliverable"]) {
  if (!TEXT_OPEN.includes(deliverable.status)) {
    throw conflict(`The text of a ${deliverable.status.toLowerCase()} document can no longer change.`, {
      status: deliverable.status,
      version: deliverable.version,
    });
  }
}

const event = (tx: Executor, d: DeliverableRow, viewer: Viewer, type: "DELIVERABLE_UPDATED" | "STATUS_CHANGED") =>
  recordDeliverableEvent(tx, { deliverableId: d.id, communityId: d.communityId, type, actorId: viewer.id });

async function isActiveMember(tx: Executor, communityId: string, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: communityMemberships.id })
    .from(communityMemberships)
    .where(
      and(
        eq(communityMemberships.communityId, communityId),
        eq(communityMemberships.userId, userId),
        eq(communityMemberships.status, "ACTIVE"),
      ),
    )
    .limit(1);
  return row !== undefined;
}

const definedOnly = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * Moves a document along its lifecycle inside the caller's unit of work (which holds the
 * deliverable's lock and has checked who may): the workflow's own rule, the write, its event.
 * Used by `setStatus` and by a decision's outcome (decision module).
 */
export async function moveStatus(
  tx: Executor,
  deliverable: DeliverableRow,
  viewer: Viewer,
  status: DeliverableRow["status"],
): Promise<{ value: DeliverableRow; events: RecordedDeliverableEvent[] }> {
  if (!canMove(deliverable.status, status)) {
    throw conflict(`A ${deliverable.status.toLowerCase()} document cannot move to ${status.toLowerCase()}.`, {
      status: deliverable.status,
      version: deliverable.version,
    });
  }
  const [updated] = await tx
    .update(deliverables)
    .set({
      status,
      version: sql`${deliverables.version} + 1`,
      updatedAt: new Date(),
      ...(status === "PUBLISHED" && !deliverable.publishedAt ? { publishedAt: new Date() } : {}),
    })
    .where(eq(deliverables.id, deliverable.id))
    .returning();
  return { value: updated ?? deliverable, events: [await event(tx, deliverable, viewer, "STATUS_CHANGED")] };
}
