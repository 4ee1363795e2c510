import type { CommunityRow, LearningPathRow, LearningPathStepRow, ResourceRow } from "@pratica/db";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { accessTo, accessVia } from "../community/community.access.js";
import { Community } from "../community/community.type.js";
import { canCreatePath, canEditPath, canTrackProgress } from "./learning-path.policy.js";
import {
  AddPathStepInput,
  CreateLearningPathInput,
  LearningPath,
  LearningPathStep,
  PathProgress,
  PublishLearningPathInput,
  RemovePathStepInput,
  ReorderPathStepsInput,
  UpdateLearningPathInput,
  UpdatePathStepInput,
} from "./learning-path.type.js";
import { assertSeenResourceVia } from "./resource.access.js";
import { countsTowardProgress } from "./resource.policy.js";
import { Resource } from "./resource.type.js";

@Resolver(() => LearningPath)
export class LearningPathResolver {
  @Query(() => LearningPath, { nullable: true, description: "Drafts are visible to facilitators only" })
  async learningPath(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<LearningPathRow> {
    return (await ctx.services.learningPath.visible(ctx.viewer, id)).path;
  }

  @FieldResolver(() => Community)
  community(@Root() path: LearningPathRow, @Ctx() { loaders }: Context): Promise<CommunityRow | null> {
    return loaders.communityById.load(path.communityId);
  }

  @FieldResolver(() => [LearningPathStep])
  @ViewerDependent()
  async steps(@Root() path: LearningPathRow, @Ctx() ctx: Context): Promise<LearningPathStepRow[]> {
    return (await shownSteps(ctx, path)).map((s) => s.step);
  }

  @FieldResolver(() => Int, { description: "Members who completed every step" })
  completedCount(@Root() path: LearningPathRow, @Ctx() ctx: Context): Promise<number> {
    return ctx.services.learningPath.completedCount(path.id);
  }

  @FieldResolver(() => PathProgress, { nullable: true, description: "The viewer's progress; null when anonymous" })
  @ViewerDependent()
  async viewerProgress(@Root() path: LearningPathRow, @Ctx() ctx: Context): Promise<PathProgress | null> {
    if (!ctx.viewer) return null;
    const [shown, done] = await Promise.all([
      shownSteps(ctx, path),
      ctx.services.learningPath.doneStepIds(ctx.viewer, [path.id]),
    ]);
    // Marks on a step archived since are kept (they count again if it is published again).
    const counted = new Set(shown.filter((s) => countsTowardProgress(s.resource)).map((s) => s.step.id));
    const doneStepIds = done.map((d) => d.stepId).filter((id) => counted.has(id));
    return { done: doneStepIds.length, total: counted.size, doneStepIds };
  }

  @FieldResolver(() => Boolean, { description: "May change its title, steps and order, and publish it" })
  @ViewerDependent()
  async viewerCanEdit(@Root() path: LearningPathRow, @Ctx() ctx: Context): Promise<boolean> {
    return canEditPath(await accessVia(ctx, path.communityId));
  }

  @FieldResolver(() => Boolean, { description: "May mark its steps done" })
  @ViewerDependent()
  async viewerCanTrackProgress(@Root() path: LearningPathRow, @Ctx() ctx: Context): Promise<boolean> {
    return canTrackProgress(await accessVia(ctx, path.communityId), path);
  }

  @Mutation(() => LearningPath, { description: "Facilitators; starts as a DRAFT" })
  createLearningPath(@Arg("input", () => CreateLearningPathInput) input: CreateLearningPathInput, @Ctx() ctx: Context) {
    return ctx.services.learningPath.create(ctx.viewer, { ...input, summary: input.summary ?? undefined });
  }

  @Mutation(() => LearningPath)
  updateLearningPath(@Arg("input", () => UpdateLearningPathInput) input: UpdateLearningPathInput, @Ctx() ctx: Context) {
    return ctx.services.learningPath.update(ctx.viewer, {
      ...input,
      title: input.title ?? undefined,
      summary: input.summary ?? undefined,
    });
  }

  @Mutation(() => LearningPath, { description: "Appends a published resource of the same community" })
  addPathStep(@Arg("input", () => AddPathStepInput) input: AddPathStepInput, @Ctx() ctx: Context) {
    return ctx.services.learningPath.addStep(ctx.viewer, { ...input, note: input.note ?? undefined });
  }

  @Mutation(() => LearningPath)
  updatePathStep(@Arg("input", () => UpdatePathStepInput) input: UpdatePathStepInput, @Ctx() ctx: Context) {
    return ctx.services.learningPath.updateStep(ctx.viewer, input);
  }

  @Mutation(() => LearningPath)
  removePathStep(@Arg("input", () => RemovePathStepInput) input: RemovePathStepInput, @Ctx() ctx: Context) {
    return ctx.services.learningPath.removeStep(ctx.viewer, input);
  }

  @Mutation(() => LearningPath, { description: "CONFLICT with the current version when `expectedVersion` is stale" })
  reorderPathSteps(@Arg("input", () => ReorderPathStepsInput) input: ReorderPathStepsInput, @Ctx() ctx: Context) {
    return ctx.services.learningPath.reorder(ctx.viewer, input);
  }

  @Mutation(() => LearningPath)
  publishLearningPath(
    @Arg("input", () => PublishLearningPathInput) input: PublishLearningPathInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.learningPath.publish(ctx.viewer, input);
  }

  @Mutation(() => LearningPath, { description: "Members mark a step of a published path done (or not); idempotent" })
  setStepDone(@Arg("stepId", () => ID) stepId: string, @Arg("done", () => Boolean) done: boolean, @Ctx() ctx: Context) {
    return ctx.services.learningPath.setStepDone(ctx.viewer, stepId, done);
  }
}

@Resolver(() => LearningPathStep)
export class LearningPathStepResolver {
  /** `steps` leaves out what the viewer may not see; the edge checks again, refusing as `resource(id)`. */
  @FieldResolver(() => Resource)
  resource(@Root() step: LearningPathStepRow, @Ctx() ctx: Context): Promise<ResourceRow> {
    return assertSeenResourceVia(ctx, step.resourceId);
  }
}

/** The path's steps the viewer is shown (learning-path.service.ts), priming their material for `resource`. */
async function shownSteps(ctx: Context, path: LearningPathRow) {
  const shown = await ctx.services.learningPath.shownSteps(await accessVia(ctx, path.communityId), path.id);
  for (const { resource } of shown) ctx.loaders.resourceById.prime(resource.id, resource);
  return shown;
}

@Resolver(() => Community)
export class CommunityPathsResolver {
  @FieldResolver(() => Boolean)
  @ViewerDependent()
  async viewerCanCreateLearningPath(@Root() community: CommunityRow, @Ctx() ctx: Context): Promise<boolean> {
    return canCreatePath(await accessTo(ctx, community));
  }

  @FieldResolver(() => [LearningPath], { description: "Published paths; facilitators also see drafts" })
  @ViewerDependent()
  async learningPaths(@Root() community: CommunityRow, @Ctx() ctx: Context): Promise<LearningPathRow[]> {
    return ctx.services.learningPath.list(await accessVia(ctx, community.id));
  }
}
