import {
  type Database,
  type Executor,
  type LearningPathRow,
  type LearningPathStepRow,
  learningPathProgress,
  learningPathSteps,
  learningPaths,
  type ResourceRow,
  resources,
} from "@pratica/db";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { badInput, conflict, forbidden, notFound, unauthenticated } from "../../core/errors.js";
import { findById } from "../../core/find.js";
import { isUuid } from "../../core/ids.js";
import { rowLock, unitOfWork } from "../../core/unit-of-work.js";
import { parseInput } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import type { Access } from "../community/community.access.js";
import { canRead } from "../community/community.policy.js";
import type { CommunityService } from "../community/community.service.js";
import { canCreatePath, canEditPath, canSeePath, canTrackProgress, seesDraftPaths } from "./learning-path.policy.js";
import {
  addStepRules,
  createPathRules,
  publishPathRules,
  removeStepRules,
  reorderRules,
  updatePathRules,
  updateStepRules,
} from "./learning-path.rules.js";
import { canSeeResource, countsTowardProgress } from "./resource.policy.js";
import { VISIBLE } from "./resource.workflow.js";

/**
 * Learning paths: facilitators arrange published resources into ordered steps with notes.
 * Every change to a path or its steps bumps `version`; editors send the version they saw and
 * a stale one is refused with CONFLICT carrying the current path, so two facilitators never
 * silently overwrite each other's order.
 */
export class LearningPathService {
  constructor(
    private readonly db: Database,
    private readonly communities: CommunityService,
  ) {}

  async visible(
    viewer: Viewer | null,
    pathId: string,
    db: Executor = this.db,
  ): Promise<{ path: LearningPathRow; access: Access }> {
    const path = await findById(db, learningPaths, pathId, "Learning path");
    const access = await this.communities.access(viewer, path.communityId, db);
    if (!canSeePath(access, path)) {
      // A draft is not shown to whoever may not see drafts; a published path asks them to join.
      if (path.status !== "PUBLISHED" && !seesDraftPaths(access)) throw notFound("Learning path");
      throw viewer ? forbidden() : unauthenticated();
    }
    return { path, access };
  }

  list(access: Access): Promise<LearningPathRow[]> {
    if (!canRead(access.community, access.viewer, access.membership))
      throw access.viewer ? forbidden() : unauthenticated();
    return this.db
      .select()
      .from(learningPaths)
      .where(
        and(
          eq(learningPaths.communityId, access.community.id),
          seesDraftPaths(access) ? undefined : eq(learningPaths.status, "PUBLISHED"),
        ),
      )
      .orderBy(desc(learningPaths.createdAt));
  }

  /**
   * The steps the viewer is shown, with their material: a step whose resource they may not see
   * (`canSeeResource`: archived or sent back since, for members) is left out. Facilitators still
   * see every step, so they can reorder and remove them.
   */
  async shownSteps(access: Access, pathId: string): Promise<{ step: LearningPathStepRow; resource: ResourceRow }[]> {
    const rows = await this.db
      .select({ step: learningPathSteps, resource: resources })
      .from(learningPathSteps)
      .innerJoin(resources, eq(resources.id, learningPathSteps.resourceId))
      .where(eq(learningPathSteps.pathId, pathId))
      .orderBy(asc(learningPathSteps.position));
    return rows.filter((r) => canSeeResource(access, r.resource));
  }

  steps(pathId: string, db: Executor = this.db): Promise<LearningPathStepRow[]> {
    return db
      .select()
      .from(learningPathSteps)
      .where(eq(learningPathSteps.pathId, pathId))
      .orderBy(asc(learningPathSteps.position));
  }

  async create(viewer: Viewer | null, input: unknown): Promise<LearningPathRow> {
    if (!viewer) throw unauthenticated();
    const { communityId, title, summary } = parseInput(createPathRules, input);
    return unitOfWork(this.db, async ({ tx }) => {
      const access = await this.communities.access(viewer, communityId, tx);
      if (!canCreatePath(access)) throw forbidden("Only this community's facilitators can build learning paths.");
      const [path] = await tx
        .insert(learningPaths)
        .values({ communityId: access.community.id, creatorId: viewer.id, title, summary })
        .returning();
      if (!path) throw new Error("path not created");
      return path;
    });
  }

  update(viewer: Viewer | null, input: unknown) {
    const { pathId, expectedVersion, ...changes } = parseInput(updatePathRules, input);
    return this.change(viewer, pathId, expectedVersion, async (tx, path) => {
      const fields = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      if (Object.keys(fields).length) await tx.update(learningPaths).set(fields).where(eq(learningPaths.id, path.id));
    });
  }

  addStep(viewer: Viewer | null, input: unknown) {
    const { pathId, resourceId, note, expectedVersion } = parseInput(addStepRules, input);
    return this.change(viewer, pathId, expectedVersion, async (tx, path) => {
      const resource = isUuid(resourceId)
        ? (await tx.select().from(resources).where(eq(resources.id, resourceId)).limit(1))[0]
        : undefined;
      if (!resource || resource.communityId !== path.communityId) throw notFound("Resource");
      if (!VISIBLE.includes(resource.status))
        throw badInput("resourceId", "Only published material can be a step of a learning path.");
      const [last] = await tx
        .select({ max: sql<number>`coalesce(max(${learningPathSteps.position}), 0)::int` })
        .from(learningPathSteps)
        .where(eq(learningPathSteps.pathId, path.id));
      const added = await tx
        .insert(learningPathSteps)
        .values({
          pathId: path.id,
          communityId: path.communityId,
          resourceId: resource.id,
          note,
          position: (last?.max ?? 0) + 1,
        })
        .onConflictDoNothing()
        .returning();
      if (added.length === 0) throw badInput("resourceId", "This resource is already a step of the path.");
    });
  }

  updateStep(viewer: Viewer | null, input: unknown) {
    const { stepId, note, expectedVersion } = parseInput(updateStepRules, input);
    return this.withStep(viewer, stepId, expectedVersion, (tx, step) =>
      tx.update(learningPathSteps).set({ note }).where(eq(learningPathSteps.id, step.id)),
    );
  }

  removeStep(viewer: Viewer | null, input: unknown) {
    const { stepId, expectedVersion } = parseInput(removeStepRules, input);
    return this.withStep(viewer, stepId, expectedVersion, async (tx, step) => {
      await tx.delete(learningPathSteps).where(eq(learningPathSteps.id, step.id));
      await this.renumber(
        tx,
        step.pathId,
        (await this.steps(step.pathId, tx)).map((s) => s.id),
      );
    });
  }

  /** The new order must name every current step exactly once. */
  reorder(viewer: Viewer | null, input: unknown) {
    const { pathId, stepIds, expectedVersion } = parseInput(reorderRules, input);
    return this.change(viewer, pathId, expectedVersion, async (tx, path) => {
      const current = (await this.steps(path.id, tx)).map((s) => s.id);
      const same =
        stepIds.length === current.length &&
        new Set(stepIds).size === stepIds.length &&
        stepIds.every((id) => current.includes(id));
      if (!same) throw badInput("stepIds", "The new order must list every step of the path exactly once.");
      await this.renumber(tx, path.id, stepIds);
    });
  }

  publish(viewer: Viewer | null, input: unknown) {
    const { pathId, expectedVersion } = parseInput(publishPathRules, input);
    return this.change(viewer, pathId, expectedVersion, async (tx, path) => {
      if (path.status === "PUBLISHED")
        throw conflict("This learning path is already published.", { status: path.status });
      if ((await this.steps(path.id, tx)).length === 0)
        throw badInput("pathId", "Add at least one step before publishing.");
      await tx
        .update(learningPaths)
        .set({ status: "PUBLISHED", publishedAt: new Date() })
        .where(eq(learningPaths.id, path.id));
    });
  }

  /**
   * A member marks a step done (or not); idempotent. Under the path's lock, so a step removed or
   * a path changed meanwhile is seen.
   */
  async setStepDone(viewer: Viewer | null, stepId: string, done: boolean): Promise<LearningPathRow> {
    if (!viewer) throw unauthenticated();
    const { pathId } = await this.step(stepId);
    return this.inPath(viewer, pathId, async (tx, { path, access }) => {
      const step = await this.step(stepId, tx);
      if (path.status !== "PUBLISHED") throw conflict("This learning path is not published yet.");
      const [resource] = await tx.select().from(resources).where(eq(resources.id, step.resourceId));
      // A step whose material the viewer may not see is not shown to them: not found, as the material.
      if (!resource || !canSeeResource(access, resource)) throw notFound("Step");
      if (!canTrackProgress(access, path)) throw forbidden("Only active members can track their progress.");
      if (!countsTowardProgress(resource))
        throw conflict("This step's material is no longer published: it does not count toward progress.", {
          status: resource.status,
        });
      if (done) {
        await tx
          .insert(learningPathProgress)
          .values({ userId: viewer.id, stepId: step.id, pathId: path.id, communityId: path.communityId })
          .onConflictDoNothing();
      } else {
        await tx
          .delete(learningPathProgress)
          .where(and(eq(learningPathProgress.userId, viewer.id), eq(learningPathProgress.stepId, step.id)));
      }
      return path;
    });
  }

  /** Steps the viewer has done, per path. */
  async doneStepIds(viewer: Viewer | null, pathIds: readonly string[]): Promise<{ pathId: string; stepId: string }[]> {
    if (!viewer || pathIds.length === 0) return [];
    return this.db
      .select({ pathId: learningPathProgress.pathId, stepId: learningPathProgress.stepId })
      .from(learningPathProgress)
      .where(and(eq(learningPathProgress.userId, viewer.id), inArray(learningPathProgress.pathId, [...pathIds])));
  }

  /**
   * Members who have done every step of the path that counts toward progress (whose material
   * is published): a step archived since neither blocks nor makes a completion.
   */
  async completedCount(pathId: string): Promise<number> {
    const counted = and(eq(learningPathSteps.pathId, pathId), inArray(resources.status, [...VISIBLE]));
    const [row] = await this.db.select({ n: sql<number>`count(*)::int` }).from(
      this.db
        .select({ userId: learningPathProgress.userId })
        .from(learningPathProgress)
        .innerJoin(learningPathSteps, eq(learningPathSteps.id, learningPathProgress.stepId))
        .innerJoin(resources, eq(resources.id, learningPathSteps.resourceId))
        .where(and(eq(learningPathProgress.pathId, pathId), counted))
        .groupBy(learningPathProgress.userId)
        .having(
          sql`count(*) = (${this.db
            .select({ n: sql`count(*)` })
            .from(learningPathSteps)
            .innerJoin(resources, eq(resources.id, learningPathSteps.resourceId))
            .where(counted)})`,
        )
        .as("done"),
    );
    return row?.n ?? 0;
  }

  private async step(stepId: string, db: Executor = this.db): Promise<LearningPathStepRow> {
    const step = isUuid(stepId)
      ? (await db.select().from(learningPathSteps).where(eq(learningPathSteps.id, stepId)).limit(1))[0]
      : undefined;
    if (!step) throw notFound("Step");
    return step;
  }

  private async withStep(
    viewer: Viewer | null,
    stepId: string,
    expectedVersion: number,
    work: (tx: Executor, step: LearningPathStepRow) => Promise<unknown>,
  ) {
    if (!viewer) throw unauthenticated();
    const { pathId } = await this.step(stepId);
    return this.change(viewer, pathId, expectedVersion, async (tx) => work(tx, await this.step(stepId, tx)));
  }

  /**
   * One change to a path, by a facilitator, against the version they saw: under the path's
   * lock, so the version checked is the one the change bumps, and of two concurrent editors
   * exactly one wins.
   */
  private async change(
    viewer: Viewer | null,
    pathId: string,
    expectedVersion: number,
    work: (tx: Executor, path: LearningPathRow) => Promise<unknown>,
  ): Promise<LearningPathRow> {
    if (!viewer) throw unauthenticated();
    return this.inPath(viewer, pathId, async (tx, { path, access }) => {
      if (!canEditPath(access)) throw forbidden("Only this community's facilitators can edit learning paths.");
      if (path.version !== expectedVersion) {
        throw conflict("Someone changed this learning path meanwhile. Reload it and try again.", {
          version: path.version,
          title: path.title,
        });
      }
      const [bumped] = await tx
        .update(learningPaths)
        .set({ version: sql`${learningPaths.version} + 1`, updatedAt: new Date() })
        .where(eq(learningPaths.id, path.id))
        .returning();
      if (!bumped) throw notFound("Learning path");
      await work(tx, bumped);
      const [after] = await tx.select().from(learningPaths).where(eq(learningPaths.id, path.id));
      return after ?? bumped;
    });
  }

  /** One write to a path: a unit of work that takes `learningPathLock`, then reads the path and access afresh. */
  private inPath<T>(
    viewer: Viewer,
    pathId: string,
    write: (tx: Executor, loaded: { path: LearningPathRow; access: Access }) => Promise<T>,
  ): Promise<T> {
    if (!isUuid(pathId)) throw notFound("Learning path");
    return unitOfWork(this.db, async ({ tx, lock }) => {
      await lock(learningPathLock, pathId);
      return write(tx, await this.visible(viewer, pathId, tx));
    });
  }

  private async renumber(tx: Executor, pathId: string, orderedIds: string[]) {
    for (const [i, id] of orderedIds.entries()) {
      await tx
        .update(learningPathSteps)
        .set({ position: i + 1 })
        .where(and(eq(learningPathSteps.id, id), eq(learningPathSteps.pathId, pathId)));
    }
  }
}

/** The path row, locked by every write to the path, its steps and its progress (children of the path). */
export const learningPathLock = rowLock("learningPath", learningPaths, "no key update");
