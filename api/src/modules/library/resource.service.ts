import {
  type Database,
  type Executor,
  type ResourceDecisionRow,
  type ResourceRow,
  resourceBookmarks,
  resourceDecisions,
  resources,
  resourceVotes,
} from "@pratica/db";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { badInput, conflict, forbidden, notFound, unauthenticated } from "../../core/errors.js";
import type { EventBus } from "../../core/event-bus.js";
import { findById } from "../../core/find.js";
import { isUuid } from "../../core/ids.js";
import {
  decodeCursor,
  encodeSortedCursor,
  type Page,
  type PageArgs,
  pageSize,
  sortedCursor,
} from "../../core/pagination.js";
import { rowLock, unitOfWork, type Work } from "../../core/unit-of-work.js";
import { parseInput } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import type { Access } from "../community/community.access.js";
import type { CommunityService } from "../community/community.service.js";
import type { NotificationService } from "../notification/notification.service.js";
import { canCurate, canEditResource, canPropose, canSeeResource, canUseResource } from "./resource.policy.js";
import { decideResourceRules, editResourceRules, libraryFilterRules, proposeResourceRules } from "./resource.rules.js";
import { type CurationDecision, NEEDS_REASON, nextStatus, type ResourceStatus, VISIBLE } from "./resource.workflow.js";

export type LibrarySort = "FEATURED_HELPFUL" | "NEWEST";
export type LibraryArgs = PageArgs & {
  kind?: string | null;
  language?: string | null;
  tag?: string | null;
  status?: ResourceStatus | null;
  sort?: LibrarySort | null;
};

export class ResourceService {
  constructor(
    private readonly db: Database,
    private readonly communities: CommunityService,
    private readonly notifications: NotificationService,
    private readonly bus: EventBus,
  ) {}

  /** A resource and the viewer's access, refusing those who may not see it (as not found when unpublished). */
  async visible(
    viewer: Viewer | null,
    resourceId: string,
    db: Executor = this.db,
  ): Promise<{ resource: ResourceRow; access: Access }> {
    const resource = await findById(db, resources, resourceId, "Resource");
    const access = await this.communities.access(viewer, resource.communityId, db);
    if (!canSeeResource(access, resource)) {
      if (!VISIBLE.includes(resource.status)) throw notFound("Resource");
      throw viewer ? forbidden("Only members of this community can see its library.") : unauthenticated();
    }
    return { resource, access };
  }

  async propose(viewer: Viewer | null, input: unknown): Promise<ResourceRow> {
    if (!viewer) throw unauthenticated("Log in to propose material.");
    const { communityId, ...fields } = parseInput(proposeResourceRules, input);
    return unitOfWork(this.db, async ({ tx }) => {
      const access = await this.communities.access(viewer, communityId, tx);
      if (!canPropose(access)) throw forbidden("Only active members of this community can propose material.");
      const [row] = await tx
        .insert(resources)
        .values({ ...fields, url: fields.url ?? null, communityId: access.community.id, proposerId: viewer.id })
        .returning();
      if (!row) throw new Error("resource not created");
      return row;
    });
  }

  /** The proposer edits while PROPOSED or after changes were asked; the latter resubmits it. */
  async edit(viewer: Viewer | null, input: unknown): Promise<ResourceRow> {
    if (!viewer) throw unauthenticated();
    const { resourceId, ...changes } = parseInput(editResourceRules, input);
    const fields = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    return this.inResource(viewer, resourceId, async ({ tx }, { resource, access }) => {
      if (!canEditResource(access, resource)) {
        throw resource.proposerId === viewer.id
          ? conflict("This resource can no longer be edited: the curators have decided on it.", {
              status: resource.status,
            })
          : forbidden("Only the proposer can edit a proposal.");
      }
      const resubmit = resource.status === "CHANGES_REQUESTED";
      const [updated] = await tx
        .update(resources)
        .set({ ...fields, ...(resubmit ? { status: "PROPOSED" as const } : {}), updatedAt: new Date() })
        .where(eq(resources.id, resource.id))
        .returning();
      // The status was read under the resource's lock: nobody decided in between.
      if (!updated) throw new Error("resource not updated");
      if (resubmit) {
        await tx.insert(resourceDecisions).values({
          resourceId: resource.id,
          communityId: resource.communityId,
          actorId: viewer.id,
          decision: "RESUBMIT",
          fromStatus: "CHANGES_REQUESTED",
          toStatus: "PROPOSED",
        });
      }
      return updated;
    });
  }

  /** A curator's decision: a transition of the workflow, kept with who, when and why, told to the proposer. */
  async decide(viewer: Viewer | null, input: unknown): Promise<ResourceRow> {
    if (!viewer) throw unauthenticated();
    const { resourceId, decision, reason } = parseInput(decideResourceRules, input);
    return this.inResource(viewer, resourceId, async ({ tx, afterCommit }, { resource, access }) => {
      if (!canCurate(access)) throw forbidden("Only this community's facilitators can curate its library.");
      const to = nextStatus(decision, resource.status);
      if (!to)
        throw conflict(
          `A ${resource.status.toLowerCase().replace("_", " ")} resource cannot be ${describe(decision)}.`,
          { status: resource.status },
        );
      if (NEEDS_REASON.has(decision) && !reason) throw badInput("reason", "Tell the proposer why.");
      const becomesVisible = !VISIBLE.includes(resource.status) && VISIBLE.includes(to);
      const [updated] = await tx
        .update(resources)
        .set({
          status: to,
          updatedAt: new Date(),
          ...(becomesVisible && !resource.publishedAt ? { publishedAt: new Date() } : {}),
        })
        .where(eq(resources.id, resource.id))
        .returning();
      if (!updated) throw new Error("resource not updated");
      await tx.insert(resourceDecisions).values({
        resourceId: resource.id,
        communityId: resource.communityId,
        actorId: viewer.id,
        decision,
        fromStatus: resource.status,
        toStatus: to,
        reason: reason ?? null,
      });
      const created = await this.notifications.forResourceDecision(tx, {
        proposerId: resource.proposerId,
        actorId: viewer.id,
        communityId: resource.communityId,
        resourceId: resource.id,
        excerpt: reason ? `${resource.title}: ${reason}` : resource.title,
      });
      afterCommit(() => {
        this.notifications.publish(created);
        if (becomesVisible) {
          this.bus.publish("community", updated.communityId, {
            type: "RESOURCE_PUBLISHED",
            communityId: updated.communityId,
            resourceId: updated.id,
          });
        }
      });
      return updated;
    });
  }

  decisions(resourceId: string): Promise<ResourceDecisionRow[]> {
    return this.db
      .select()
      .from(resourceDecisions)
      .where(eq(resourceDecisions.resourceId, resourceId))
      .orderBy(resourceDecisions.createdAt);
  }

  /**
   * The library: readers see published material (featured first, then by helpful votes, or
   * newest); curators may also ask for other statuses; a member may list their own proposals.
   */
  async list(access: Access, args: LibraryArgs): Promise<{ page: Page<ResourceRow>; totalCount: number }> {
    const size = pageSize(args.first);
    const filters = parseInput(libraryFilterRules, { kind: args.kind, language: args.language, tag: args.tag });
    const status = args.status ?? null;
    if (status && !VISIBLE.includes(status) && !canCurate(access)) {
      throw access.viewer ? forbidden("Only facilitators can list proposals.") : unauthenticated();
    }
    const sort = args.sort ?? "FEATURED_HELPFUL";
    // Featured material leads the default order only; "newest" is plainly by date.
    const featuredRank =
      sort === "NEWEST"
        ? sql<number>`0::int`
        : sql<number>`(case when ${resources.status} = 'FEATURED' then 1 else 0 end)`;
    const key = sort === "NEWEST" ? sql`${resources.createdAt}` : sql`${resources.helpfulCount}`;
    const after = decodeCursor(sortedCursor[sort === "NEWEST" ? "time" : "count"], args.after);
    const scope = and(
      eq(resources.communityId, access.community.id),
      status ? eq(resources.status, status) : inArray(resources.status, [...VISIBLE]),
      filters.kind ? eq(resources.kind, filters.kind) : undefined,
      filters.language ? eq(resources.language, filters.language) : undefined,
      filters.tag ? sql`${resources.tags} @> array[${filters.tag}]::text[]` : undefined,
    );
    const keyCast = sort === "NEWEST" ? sql`::timestamptz` : sql`::int`;
    const rows = await this.db
      .select()
      .from(resources)
      .where(
        and(
          scope,
          after
            ? sql`(${featuredRank}, ${key}, ${resources.id}) < (${after.pinned ? 1 : 0}, ${after.key instanceof Date ? after.key.toISOString() : after.key}${keyCast}, ${after.id}::uuid)`
            : undefined,
        ),
      )
      .orderBy(desc(featuredRank), desc(key), desc(resources.id))
      .limit(size + 1);
    const [count] = await this.db.select({ n: sql<number>`count(*)::int` }).from(resources).where(scope);
    const nodes = rows.slice(0, size);
    const keyOf = (r: ResourceRow) => (sort === "NEWEST" ? r.createdAt.toISOString() : r.helpfulCount);
    return {
      page: {
        nodes,
        cursors: nodes.map((r) =>
          encodeSortedCursor({ pinned: sort !== "NEWEST" && r.status === "FEATURED", key: keyOf(r), id: r.id }),
        ),
        hasNextPage: rows.length > size,
      },
      totalCount: count?.n ?? 0,
    };
  }

  /** Bookmarking twice or un-bookmarking what is not bookmarked changes nothing. */
  async setBookmark(viewer: Viewer | null, resourceId: string, bookmarked: boolean): Promise<ResourceRow> {
    return this.inUsable(viewer, resourceId, async (tx, resource, userId) => {
      if (bookmarked) {
        await tx
          .insert(resourceBookmarks)
          .values({ userId, resourceId: resource.id, communityId: resource.communityId })
          .onConflictDoNothing();
      } else {
        await tx
          .delete(resourceBookmarks)
          .where(and(eq(resourceBookmarks.userId, userId), eq(resourceBookmarks.resourceId, resource.id)));
      }
      return resource;
    });
  }

  /** One "helpful" vote per member and resource; the count is kept on the resource for ordering. */
  async setHelpful(viewer: Viewer | null, resourceId: string, helpful: boolean): Promise<ResourceRow> {
    return this.inUsable(viewer, resourceId, async (tx, resource, userId) => {
      const changed = helpful
        ? await tx
            .insert(resourceVotes)
            .values({ userId, resourceId: resource.id, communityId: resource.communityId })
            .onConflictDoNothing()
            .returning()
        : await tx
            .delete(resourceVotes)
            .where(and(eq(resourceVotes.userId, userId), eq(resourceVotes.resourceId, resource.id)))
            .returning();
      if (changed.length === 0) return resource;
      const [updated] = await tx
        .update(resources)
        .set({ helpfulCount: sql`${resources.helpfulCount} + ${helpful ? 1 : -1}` })
        .where(eq(resources.id, resource.id))
        .returning();
      return updated ?? resource;
    });
  }

  /**
   * One write to a resource: a unit of work that first takes `resourceLock`, then reads the
   * resource and the viewer's access afresh, so its rules see the state it changes (a curator's
   * decision and the proposer's edit, or a vote and an archiving, are serialised).
   */
  private inResource<T>(
    viewer: Viewer,
    resourceId: string,
    write: (w: Work, loaded: { resource: ResourceRow; access: Access }) => Promise<T>,
  ): Promise<T> {
    if (!isUuid(resourceId)) throw notFound("Resource");
    return unitOfWork(this.db, async (w) => {
      await w.lock(resourceLock, resourceId);
      return write(w, await this.visible(viewer, resourceId, w.tx));
    });
  }

  /** A bookmark or vote: by an active member, on published material. */
  private inUsable<T>(
    viewer: Viewer | null,
    resourceId: string,
    write: (tx: Executor, resource: ResourceRow, userId: string) => Promise<T>,
  ): Promise<T> {
    if (!viewer) throw unauthenticated();
    return this.inResource(viewer, resourceId, async ({ tx }, { resource, access }) => {
      if (!canUseResource(access, resource)) {
        throw VISIBLE.includes(resource.status)
          ? forbidden("Only active members can bookmark and vote.")
          : conflict("Only published material can be bookmarked or voted on.", { status: resource.status });
      }
      return write(tx, resource, viewer.id);
    });
  }
}

/**
 * The resource row, locked by every write to it or to what hangs from it (decisions, bookmarks,
 * votes). FOR NO KEY UPDATE: learning-path steps and progress reference resources, and their
 * inserts (KEY SHARE through the foreign key) need not wait on it.
 */
export const resourceLock = rowLock("resource", resources, "no key update");

function describe(decision: CurationDecision): string {
  return {
    PUBLISH: "published",
    FEATURE: "featured",
    UNFEATURE: "unfeatured",
    REQUEST_CHANGES: "sent back for changes",
    REJECT: "rejected",
    ARCHIVE: "archived",
  }[decision];
}
