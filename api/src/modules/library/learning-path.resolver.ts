import type { CommunityRow, LearningPathRow, LearningPathStepRow, ResourceRow } from "@pratica/db";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { Community } from "../community/community.type.js";
import { accessVia } from "../thread/thread.access.js";
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
  steps(@Root() path: LearningPathRow, @Ctx() ctx: Context): Promise<LearningPathStepRow[]> {
    return ctx.services.learningPath.steps(path.id);
  }

  @FieldResolver(() => Int, { description: "Members who completed every step" })
  completedCount(@Root() path: LearningPathRow, @Ctx() ctx: Context): Promise<number> {
    return ctx.services.learningPath.completedCount(path.id);
  }

  @FieldResolver(() => PathProgress, { nullable: true, description: "The viewer's progress; null when anonymous" })
  @ViewerDependent()
  async viewerProgress(@Root() path: LearningPathRow, @Ctx() ctx: Context): Promise<PathProgress | null> {
    if (!ctx.viewer) return null;
    const [steps, done] = await Promise.all([
      ctx.services.learningPath.steps(path.id),
      ctx.services.learningPath.doneStepIds(ctx.viewer, [path.id]),
    ]);
    const stepIds = new Set(steps.map((s) => s.id));
    const doneStepIds = done.map((d) => d.stepId).filter((id) => stepIds.has(id));
    return { done: doneStepIds.length, total: steps.length, doneStepIds };
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
  @FieldResolver(() => Resource)
  resource(@Root() step: LearningPathStepRow, @Ctx() { loaders }: Context): Promise<ResourceRow | null> {
    return loaders.resourceById.load(step.resourceId);
  }
}

@Resolver(() => Community)
export class CommunityPathsResolver {
  @FieldResolver(() => [LearningPath], { description: "Published paths; facilitators also see drafts" })
  @ViewerDependent()
  async learningPaths(@Root() community: CommunityRow, @Ctx() ctx: Context): Promise<LearningPathRow[]> {
    return ctx.services.learningPath.list(await accessVia(ctx, community.id));
  }
}
