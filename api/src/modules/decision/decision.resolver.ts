import type { DecisionRow, VoteRow } from "@pratica/db";
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { connectionComplexity, toConnection } from "../../core/connection.type.js";
import type { Context } from "../../core/context.js";
import { withoutNulls } from "../../core/validate.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { accessVia } from "../community/community.access.js";
import {
  CastVoteInput,
  CreateDecisionInput,
  DecisionStepInput,
  PublishOutcomeInput,
  UpdateDecisionInput,
} from "./decision.input.js";
import { Decision, DecisionConnection, DecisionState, Vote } from "./decision.type.js";
import { type VoteView, voteView } from "./decision.view.js";

/** Decisions' queries and mutations: parse, call the service, nothing else. */
@Resolver()
export class DecisionResolver {
  @Query(() => Decision, { nullable: true, description: "A decision the viewer may read" })
  async decision(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<DecisionRow> {
    return (await ctx.services.decision.visible(ctx.viewer, id)).decision;
  }

  @Query(() => DecisionConnection, {
    complexity: connectionComplexity,
    description: "A community's decisions, newest first",
  })
  @ViewerDependent()
  async decisions(
    @Arg("communityId", () => ID) communityId: string,
    @Arg("state", () => DecisionState, { nullable: true }) state: DecisionState | null,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    const { page, totalCount } = await ctx.services.decision.list(await accessVia(ctx, communityId), state, {
      first,
      after,
    });
    return toConnection(page, totalCount);
  }

  @Mutation(() => Decision, { description: "Active members; exactly one of community, thread or document" })
  createDecision(@Arg("input", () => CreateDecisionInput) input: CreateDecisionInput, @Ctx() ctx: Context) {
    return ctx.services.decision.create(ctx.viewer, withoutNulls(input));
  }

  @Mutation(() => Decision, {
    description: "Author or facilitator: a draft's settings, or an open decision's closing time",
  })
  updateDecision(@Arg("input", () => UpdateDecisionInput) input: UpdateDecisionInput, @Ctx() ctx: Context) {
    return ctx.services.decision.update(ctx.viewer, withoutNulls(input));
  }

  @Mutation(() => Decision, { description: "DRAFT → OPEN, by its author or a facilitator" })
  openDecision(@Arg("input", () => DecisionStepInput) input: DecisionStepInput, @Ctx() ctx: Context) {
    return ctx.services.decision.step(ctx.viewer, input, "OPEN");
  }

  @Mutation(() => Decision, { description: "OPEN → CLOSED before its time, by its author or a facilitator" })
  closeDecision(@Arg("input", () => DecisionStepInput) input: DecisionStepInput, @Ctx() ctx: Context) {
    return ctx.services.decision.step(ctx.viewer, input, "CLOSE");
  }

  @Mutation(() => Decision, { description: "DRAFT, OPEN or CLOSED → CANCELLED" })
  cancelDecision(@Arg("input", () => DecisionStepInput) input: DecisionStepInput, @Ctx() ctx: Context) {
    return ctx.services.decision.step(ctx.viewer, input, "CANCEL");
  }

  @Mutation(() => Decision, {
    description: "CLOSED → OUTCOME_PUBLISHED (again: a new outcome, the history kept); moves the document when set",
  })
  publishOutcome(@Arg("input", () => PublishOutcomeInput) input: PublishOutcomeInput, @Ctx() ctx: Context) {
    return ctx.services.decision.publishOutcome(ctx.viewer, input);
  }

  @Mutation(() => Vote, { description: "Cast or change a vote while the decision is open" })
  async castVote(@Arg("input", () => CastVoteInput) input: CastVoteInput, @Ctx() ctx: Context): Promise<VoteView> {
    const row: VoteRow = await ctx.services.vote.cast(ctx.viewer, withoutNulls(input));
    const decision = await ctx.loaders.decisionById.load(row.decisionId);
    return voteView(row, { anonymous: decision?.anonymous ?? true });
  }
}
