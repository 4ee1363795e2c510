import {
  type Database,
  type DeliverableRow,
  type Executor,
  type SectionRevisionRow,
  type SectionRow,
  sectionRevisions,
  sections,
} from "@pratica/db";
import { MAX_SECTIONS } from "@pratica/rules";
import { and, desc, eq, lt, sql } from "drizzle-orm";
import { badInput, conflict, forbidden } from "../../core/errors.js";
import { findById } from "../../core/find.js";
import { decodeCursor, type Page, type PageArgs, pageSize, versionCursor } from "../../core/pagination.js";
import { parseInput } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import { type RecordedDeliverableEvent, recordDeliverableEvent } from "./deliverable.events.js";
import { canManage, type DeliverableAccess } from "./deliverable.policy.js";
import {
  addSectionRules,
  editSectionRules,
  removeSectionRules,
  reorderSectionsRules,
  restoreRevisionRules,
} from "./deliverable.rules.js";
import { DeliverableService, type Written } from "./deliverable.service.js";
import { type DiffPart, wordDiff } from "./diff.js";
import { assertTextOpen } from "./document.service.js";

export type Change = {
  heading?: string | undefined;
  body: string;
  authorId: string;
  editorId: string;
  amendmentId?: string | null;
  restoredFrom?: number | null;
};

/**
 * Sections and their text. Every accepted change is a new version and a revision row; a write
 * naming a version other than the current one is refused with CONFLICT carrying the current
 * text, so nobody's work is silently overwritten.
 */
export class SectionService {
  constructor(
    private readonly db: Database,
    private readonly deliverables: DeliverableService,
  ) {}

  load(sectionId: string, db: Executor = this.db): Promise<SectionRow> {
    return findById(db, sections, sectionId, "Section");
  }

  /** A section the viewer may see, with its deliverable. */
  async visible(viewer: Viewer | null, sectionId: string) {
    const section = await this.load(sectionId);
    return { section, ...(await this.deliverables.visible(viewer, section.deliverableId)) };
  }

  edit(viewer: Viewer | null, input: unknown): Promise<SectionRow> {
    const { sectionId, body, heading, expectedVersion } = parseInput(editSectionRules, input);
    return this.inSection(viewer, sectionId, async (tx, section, { viewer }) => {
      assertCurrent(section, expectedVersion);
      if (body === section.body && (heading === undefined || heading === section.heading)) return { value: section };
      return SectionService.apply(tx, section, { heading, body, authorId: viewer.id, editorId: viewer.id });
    });
  }

  /** Restoring an old revision is itself a new revision: history only grows. */
  restore(viewer: Viewer | null, input: unknown): Promise<SectionRow> {
    const { sectionId, version, expectedVersion } = parseInput(restoreRevisionRules, input);
    return this.inSection(viewer, sectionId, async (tx, section, { viewer }) => {
      assertCurrent(section, expectedVersion);
      const old = await this.deliverables.revision(section.id, version, tx);
      if (!old) throw badInput("version", `This section has no revision ${version}.`);
      return SectionService.apply(tx, section, {
        heading: old.heading,
        body: old.body,
        authorId: old.authorId,
        editorId: viewer.id,
        restoredFrom: version,
      });
    });
  }

  /** Writes a new version of a section: the section row, its revision, and a SectionUpdated event. */
  static async apply(tx: Executor, section: SectionRow, change: Change): Promise<Written<SectionRow>> {
    const heading = change.heading ?? section.heading;
    const [updated] = await tx
      .update(sections)
      .set({ heading, body: change.body, version: section.version + 1, updatedAt: new Date() })
      .where(and(eq(sections.id, section.id), eq(sections.version, section.version)))
      .returning();
    // The deliverable lock serialises writers, so the version cannot have moved under us.
    if (!updated) throw new Error("section changed under the deliverable lock");
    const [revision] = await tx
      .insert(sectionRevisions)
      .values({
        sectionId: section.id,
        deliverableId: section.deliverableId,
        communityId: section.communityId,
        version: updated.version,
        heading,
        body: change.body,
        authorId: change.authorId,
        editorId: change.editorId,
        amendmentId: change.amendmentId ?? null,
        restoredFrom: change.restoredFrom ?? null,
      })
      .returning({ id: sectionRevisions.id });
    await DeliverableService.touch(tx, section.deliverableId, false);
    const event = await recordDeliverableEvent(tx, {
      deliverableId: section.deliverableId,
      communityId: section.communityId,
      type: "SECTION_UPDATED",
      subjectId: revision?.id ?? null,
      actorId: change.editorId,
    });
    return { value: updated, events: [event] };
  }

  add(viewer: Viewer | null, input: unknown): Promise<DeliverableRow> {
    const { deliverableId, heading, body, position, expectedVersion } = parseInput(addSectionRules, input);
    return this.deliverables.mutate(viewer, deliverableId, async (tx, { deliverable, access, viewer }) => {
      mustEdit(access, deliverable);
      DeliverableService.assertVersion(deliverable, expectedVersion);
      const outline = await this.deliverables.sections(deliverable.id, tx);
      if (outline.length >= MAX_SECTIONS) throw badInput("deliverableId", `At most ${MAX_SECTIONS} sections.`);
      const at = Math.min(position ?? outline.length + 1, outline.length + 1);
      await tx
        .update(sections)
        .set({ position: sql`${sections.position} + 1` })
        .where(
          and(
            eq(sections.deliverableId, deliverable.id),
            sql`${sections.removedAt} is null and ${sections.position} >= ${at}`,
          ),
        );
      const ids = { deliverableId: deliverable.id, communityId: deliverable.communityId };
      const [section] = await tx
        .insert(sections)
        .values({ ...ids, heading, body, position: at })
        .returning();
      if (!section) throw new Error("section not created");
      await tx.insert(sectionRevisions).values({
        ...ids,
        sectionId: section.id,
        version: 1,
        heading,
        body,
        authorId: viewer.id,
        editorId: viewer.id,
      });
      return outlineChanged(tx, deliverable, viewer);
    });
  }

  /** The section leaves the outline; it and its history are kept. */
  async remove(viewer: Viewer | null, input: unknown): Promise<DeliverableRow> {
    const { sectionId, expectedVersion } = parseInput(removeSectionRules, input);
    const { deliverableId } = await this.load(sectionId);
    return this.deliverables.mutate(viewer, deliverableId, async (tx, { deliverable, access, viewer }) => {
      mustEdit(access, deliverable);
      DeliverableService.assertVersion(deliverable, expectedVersion);
      const section = await this.load(sectionId, tx);
      if (section.removedAt) return { value: deliverable };
      await tx.update(sections).set({ removedAt: new Date() }).where(eq(sections.id, section.id));
      await tx
        .update(sections)
        .set({ position: sql`${sections.position} - 1` })
        .where(
          and(
            eq(sections.deliverableId, deliverable.id),
            sql`${sections.removedAt} is null and ${sections.position} > ${section.position}`,
          ),
        );
      return outlineChanged(tx, deliverable, viewer);
    });
  }

  reorder(viewer: Viewer | null, input: unknown): Promise<DeliverableRow> {
    const { deliverableId, sectionIds, expectedVersion } = parseInput(reorderSectionsRules, input);
    return this.deliverables.mutate(viewer, deliverableId, async (tx, { deliverable, access, viewer }) => {
      mustEdit(access, deliverable);
      DeliverableService.assertVersion(deliverable, expectedVersion);
      const outline = await this.deliverables.sections(deliverable.id, tx);
      const current = new Set(outline.map((s) => s.id));
      if (sectionIds.length !== current.size || new Set(sectionIds).size !== current.size) {
        throw badInput("sectionIds", "Name every section of the document exactly once.");
      }
      if (!sectionIds.every((id) => current.has(id))) throw badInput("sectionIds", "Unknown section.");
      for (const [index, id] of sectionIds.entries()) {
        await tx
          .update(sections)
          .set({ position: index + 1 })
          .where(eq(sections.id, id));
      }
      return outlineChanged(tx, deliverable, viewer);
    });
  }

  /** A section's history, newest first; the cursor is a version. */
  async revisions(sectionId: string, args: PageArgs): Promise<Page<SectionRevisionRow>> {
    const size = pageSize(args.first);
    const before = decodeCursor(versionCursor, args.after);
    const rows = await this.db
      .select()
      .from(sectionRevisions)
      .where(
        and(
          eq(sectionRevisions.sectionId, sectionId),
          before !== null ? lt(sectionRevisions.version, before) : undefined,
        ),
      )
      .orderBy(desc(sectionRevisions.version))
      .limit(size + 1);
    const nodes = rows.slice(0, size);
    return { nodes, cursors: nodes.map((r) => String(r.version)), hasNextPage: rows.length > size };
  }

  /** The word-level diff between two revisions of a section (`to` defaults to the current one). */
  async diff(section: SectionRow, from: number, to: number | null | undefined): Promise<DiffPart[]> {
    const [a, b] = await Promise.all([
      this.deliverables.revision(section.id, from),
      to == null ? Promise.resolve({ body: section.body }) : this.deliverables.revision(section.id, to),
    ]);
    if (!a) throw badInput("from", `This section has no revision ${from}.`);
    if (!b) throw badInput("to", `This section has no revision ${to}.`);
    return wordDiff(a.body, b.body);
  }

  /** Runs a text change of one section under its deliverable's lock, with the section read afresh. */
  private async inSection<T>(
    viewer: Viewer | null,
    sectionId: string,
    write: (tx: Executor, section: SectionRow, loaded: { viewer: Viewer }) => Promise<Written<T>>,
  ): Promise<T> {
    const { deliverableId } = await this.load(sectionId);
    return this.deliverables.mutate(viewer, deliverableId, async (tx, { deliverable, access, viewer }) => {
      mustEdit(access, deliverable);
      const section = await this.load(sectionId, tx);
      if (section.removedAt) throw conflict("This section was removed from the document.", currentOf(section));
      return write(tx, section, { viewer });
    });
  }
}

/** The state a CONFLICT carries, so the client can show "their text" beside the user's. */
export const currentOf = (s: SectionRow) => ({
  sectionId: s.id,
  version: s.version,
  heading: s.heading,
  body: s.body,
  removed: s.removedAt !== null,
});

export function assertCurrent(section: SectionRow, expectedVersion: number) {
  if (section.version !== expectedVersion) {
    throw conflict(
      `Someone saved this section meanwhile (version ${section.version}, you started from ${expectedVersion}). Nothing was changed: merge your text with theirs and save again.`,
      currentOf(section),
    );
  }
}

/** Wrong role first (FORBIDDEN), then the wrong moment (CONFLICT with the status). */
export function mustEdit(access: DeliverableAccess, deliverable: DeliverableRow) {
  if (!canManage(access)) throw forbidden("Only the document's editors can change its text.");
  assertTextOpen(deliverable);
}

async function outlineChanged(
  tx: Executor,
  deliverable: DeliverableRow,
  viewer: Viewer,
): Promise<Written<DeliverableRow>> {
  const updated = await DeliverableService.touch(tx, deliverable.id, true);
  const event: RecordedDeliverableEvent = await recordDeliverableEvent(tx, {
    deliverableId: deliverable.id,
    communityId: deliverable.communityId,
    type: "SECTIONS_REORDERED",
    actorId: viewer.id,
  });
  return { value: updated, events: [event] };
}
