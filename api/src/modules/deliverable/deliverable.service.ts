import {
  type Database,
  type DeliverableRow,
  deliverableAuthors,
  deliverableEditors,
  deliverables,
  type Executor,
  endorsements,
  type NotificationRow,
  organizations,
  type SectionRevisionRow,
  sectionRevisions,
  sections,
} from "@pratica/db";
import { and, asc, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { conflict, forbidden, notFound, unauthenticated } from "../../core/errors.js";
import type { EventBus } from "../../core/event-bus.js";
import { findById } from "../../core/find.js";
import { isUuid } from "../../core/ids.js";
import { decodeCursor, encodeCursor, keysetCursor, type Page, type PageArgs, pageSize } from "../../core/pagination.js";
import { unitOfWork } from "../../core/unit-of-work.js";
import { parseInput } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import type { Access } from "../community/community.access.js";
import { canRead } from "../community/community.policy.js";
import type { CommunityService } from "../community/community.service.js";
import type { NotificationService } from "../notification/notification.service.js";
import { deliverableLock, publishDeliverableEvents, type RecordedDeliverableEvent } from "./deliverable.events.js";
import { canCreateDeliverable, canSeeDeliverable, type DeliverableAccess } from "./deliverable.policy.js";
import { createDeliverableRules } from "./deliverable.rules.js";
import { PUBLIC_STATUSES } from "./deliverable.workflow.js";
import type { ExportedDocument } from "./export.js";

/** What a write inside `mutate` hands back: its answer, and what to tell once it committed. */
export type Written<T> = { value: T; events?: RecordedDeliverableEvent[]; notifications?: NotificationRow[] };

export type Loaded = { deliverable: DeliverableRow; access: DeliverableAccess };

/**
 * Deliverables: who sees them, how they are created and listed, and `mutate`, the one way any
 * change to a deliverable is written (lock, fresh read, rule check, events after commit).
 */
export class DeliverableService {
  constructor(
    private readonly db: Database,
    private readonly communities: CommunityService,
    private readonly notifications: NotificationService,
    private readonly bus: EventBus,
  ) {}

  async access(viewer: Viewer | null, deliverable: DeliverableRow, db: Executor = this.db): Promise<DeliverableAccess> {
    const [access, editor] = await Promise.all([
      this.communities.access(viewer, deliverable.communityId, db),
      viewer ? this.isEditor(deliverable.id, viewer.id, db) : false,
    ]);
    return { ...access, editor };
  }

  async isEditor(deliverableId: string, userId: string, db: Executor = this.db): Promise<boolean> {
    const [row] = await db
      .select({ userId: deliverableEditors.userId })
      .from(deliverableEditors)
      .where(and(eq(deliverableEditors.deliverableId, deliverableId), eq(deliverableEditors.userId, userId)))
      .limit(1);
    return row !== undefined;
  }

  /** A deliverable the viewer may see; drafts are NOT_FOUND to those who may not. */
  async visible(viewer: Viewer | null, deliverableId: string, db: Executor = this.db): Promise<Loaded> {
    const deliverable = await findById(db, deliverables, deliverableId, "Deliverable");
    const access = await this.access(viewer, deliverable, db);
    if (!canSeeDeliverable(access, deliverable)) {
      if (!PUBLIC_STATUSES.includes(deliverable.status)) throw notFound("Deliverable");
      throw viewer ? forbidden("Only members of this community can see its documents.") : unauthenticated();
    }
    return { deliverable, access };
  }

  /**
   * Runs one change to a deliverable as a unit of work that first takes `deliverableLock`, then
   * reads the document afresh, so rules are checked against the state the write will change.
   * Events and notifications are published only after the commit.
   */
  async mutate<T>(
    viewer: Viewer | null,
    deliverableId: string,
    write: (tx: Executor, loaded: Loaded & { viewer: Viewer }) => Promise<Written<T>>,
  ): Promise<T> {
    if (!viewer) throw unauthenticated();
    if (!isUuid(deliverableId)) throw notFound("Deliverable");
    return unitOfWork(this.db, async ({ tx, lock, afterCommit }) => {
      await lock(deliverableLock, deliverableId);
      const written = await write(tx, { ...(await this.visible(viewer, deliverableId, tx)), viewer });
      afterCommit(() => {
        publishDeliverableEvents(this.bus, written.events ?? []);
        this.notifications.publish(written.notifications ?? []);
      });
      return written.value;
    });
  }

  /** Any active member starts a document, with its first sections, and becomes its first editor. */
  async create(viewer: Viewer | null, input: unknown): Promise<DeliverableRow> {
    if (!viewer) throw unauthenticated("Log in to start a document.");
    const { communityId, title, summary, sections: outline } = parseInput(createDeliverableRules, input);
    return unitOfWork(this.db, async ({ tx }) => {
      const access = await this.communities.access(viewer, communityId, tx);
      if (!canCreateDeliverable(access)) throw forbidden("Only active members of this community can start a document.");
      const [deliverable] = await tx
        .insert(deliverables)
        .values({ communityId: access.community.id, creatorId: viewer.id, title, summary })
        .returning();
      if (!deliverable) throw new Error("deliverable not created");
      const ids = { deliverableId: deliverable.id, communityId: deliverable.communityId };
      await tx.insert(deliverableEditors).values({ ...ids, userId: viewer.id, addedBy: viewer.id });
      if (outline.length) {
        const rows = await tx
          .insert(sections)
          .values(outline.map((s, i) => ({ ...ids, ...s, position: i + 1 })))
          .returning();
        await tx.insert(sectionRevisions).values(
          rows.map((s) => ({
            ...ids,
            sectionId: s.id,
            version: 1,
            heading: s.heading,
            body: s.body,
            authorId: viewer.id,
            editorId: viewer.id,
          })),
        );
      }
      return deliverable;
    });
  }

  /** A community's documents the viewer may see, most recently changed first. */
  async list(access: Access, args: PageArgs): Promise<{ page: Page<DeliverableRow>; totalCount: number }> {
    if (!canRead(access.community, access.viewer, access.membership)) {
      throw access.viewer ? forbidden() : unauthenticated();
    }
    const size = pageSize(args.first);
    const after = decodeCursor(keysetCursor, args.after);
    const seesDrafts = canSeeDeliverable({ ...access, editor: false }, { status: "DRAFT" });
    const scope = and(
      eq(deliverables.communityId, access.community.id),
      seesDrafts ? undefined : sql`${deliverables.status} in ('PUBLISHED', 'ARCHIVED')`,
    );
    const rows = await this.db
      .select()
      .from(deliverables)
      .where(
        and(
          scope,
          after
            ? or(
                lt(deliverables.updatedAt, after.createdAt),
                and(eq(deliverables.updatedAt, after.createdAt), lt(deliverables.id, after.id)),
              )
            : undefined,
        ),
      )
      .orderBy(desc(deliverables.updatedAt), desc(deliverables.id))
      .limit(size + 1);
    const [count] = await this.db.select({ n: sql<number>`count(*)::int` }).from(deliverables).where(scope);
    const nodes = rows.slice(0, size);
    return {
      page: {
        nodes,
        cursors: nodes.map((d) => encodeCursor({ createdAt: d.updatedAt, id: d.id })),
        hasNextPage: rows.length > size,
      },
      totalCount: count?.n ?? 0,
    };
  }

  /** Refuses a write made against an outline version other than the current one. */
  static assertVersion(deliverable: DeliverableRow, expected: number) {
    if (deliverable.version !== expected) {
      throw conflict("Someone changed this document meanwhile. Reload it and try again.", {
        version: deliverable.version,
        status: deliverable.status,
      });
    }
  }

  /** Marks the document changed (for lists) and, for outline and status changes, bumps its version. */
  static async touch(tx: Executor, deliverableId: string, bump: boolean): Promise<DeliverableRow> {
    const [row] = await tx
      .update(deliverables)
      .set({ updatedAt: new Date(), ...(bump ? { version: sql`${deliverables.version} + 1` } : {}) })
      .where(eq(deliverables.id, deliverableId))
      .returning();
    if (!row) throw notFound("Deliverable");
    return row;
  }

  /** Sections in reading order (removed ones left out). */
  sections(deliverableId: string, db: Executor = this.db) {
    return db
      .select()
      .from(sections)
      .where(and(eq(sections.deliverableId, deliverableId), sql`${sections.removedAt} is null`))
      .orderBy(asc(sections.position));
  }

  /** Everything an export shows: the text, the co-authors and the signatories. */
  async exported(deliverable: DeliverableRow): Promise<ExportedDocument> {
    const [outline, authors, signatories] = await Promise.all([
      this.sections(deliverable.id),
      this.db
        .select({ organization: organizations })
        .from(deliverableAuthors)
        .innerJoin(organizations, eq(organizations.id, deliverableAuthors.organizationId))
        .where(eq(deliverableAuthors.deliverableId, deliverable.id))
        .orderBy(asc(organizations.name)),
      this.db
        .select({ organization: organizations, statement: endorsements.statement, signedAt: endorsements.createdAt })
        .from(endorsements)
        .innerJoin(organizations, eq(organizations.id, endorsements.organizationId))
        .where(and(eq(endorsements.deliverableId, deliverable.id), isNull(endorsements.withdrawnAt)))
        .orderBy(asc(endorsements.createdAt)),
    ]);
    return { deliverable, sections: outline, authors: authors.map((a) => a.organization), signatories };
  }

  revision(sectionId: string, version: number, db: Executor = this.db): Promise<SectionRevisionRow | undefined> {
    return db
      .select()
      .from(sectionRevisions)
      .where(and(eq(sectionRevisions.sectionId, sectionId), eq(sectionRevisions.version, version)))
      .limit(1)
      .then((rows) => rows[0]);
  }
}
