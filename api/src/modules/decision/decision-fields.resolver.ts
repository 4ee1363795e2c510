import type {
  CommunityRow,
  DecisionOptionRow,
  DecisionOutcomeRow,
  DecisionRow,
  DeliverableRow,
  EventRow,
  OrganizationRow,
  ThreadRow,
  UserRow,
} from "@pratica/db";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { accessVia } from "../community/community.access.js";
import { Community } from "../community/community.type.js";
import { deliverableAccessVia } from "../deliverable/deliverable.access.js";
import { canSeeDeliverable } from "../deliverable/deliverable.policy.js";
import { Deliverable } from "../deliverable/deliverable.type.js";
import { eventAccess } from "../events/event-access.js";
import { canReadEvent } from "../events/events.policy.js";
import { Event } from "../events/events.type.js";
import { User } from "../identity/user.type.js";
import { Organization } from "../organization/organization.type.js";
import { Thread } from "../thread/thread.type.js";
import type { Results } from "./counting/index.js";
import { canEditDecision, canSeeVoters, canTakeStep, canVoteAsMember } from "./decision.policy.js";
import { Decision, DecisionOption, DecisionOutcome, DecisionResults, Participation, Vote } from "./decision.type.js";
import { resultsVia, resultsVisibleVia, type VoteView, viewerVoteVia, votesForVia, voteView } from "./decision.view.js";
import type { DecisionStep } from "./decision.workflow.js";

@Resolver(() => Decision)
export class DecisionFieldsResolver {
  @FieldResolver(() => Community)
  async community(@Root() d: DecisionRow, @Ctx() ctx: Context): Promise<CommunityRow | null> {
    return ctx.loaders.communityById.load(d.communityId);
  }

  @FieldResolver(() => Thread, { nullable: true })
  async thread(@Root() d: DecisionRow, @Ctx() ctx: Context): Promise<ThreadRow | null> {
    if (!d.threadId) return null;
    const t = await ctx.loaders.threadById.load(d.threadId);
    return t && !t.hiddenAt ? t : null;
  }

  @FieldResolver(() => Deliverable, { nullable: true, description: "The document, when the viewer may see it" })
  @ViewerDependent()
  async deliverable(@Root() d: DecisionRow, @Ctx() ctx: Context): Promise<DeliverableRow | null> {
    if (!d.deliverableId) return null;
    const doc = await ctx.loaders.deliverableById.load(d.deliverableId);
    return doc && canSeeDeliverable(await deliverableAccessVia(ctx, doc), doc) ? doc : null;
  }

  @FieldResolver(() => Event, { nullable: true, description: "The event it was taken at, when the viewer may read it" })
  @ViewerDependent()
  async event(@Root() d: DecisionRow, @Ctx() ctx: Context): Promise<EventRow | null> {
    if (!d.eventId) return null;
    const event = await ctx.loaders.eventById.load(d.eventId);
    return event && canReadEvent(ctx.viewer, await eventAccess(ctx, event)) ? event : null;
  }

  @FieldResolver(() => User, { nullable: true })
  author(@Root() d: DecisionRow, @Ctx() ctx: Context): Promise<UserRow | null> {
    return ctx.loaders.userById.load(d.authorId);
  }

  @FieldResolver(() => [DecisionOption])
  options(@Root() d: DecisionRow, @Ctx() ctx: Context): Promise<DecisionOptionRow[]> {
    return ctx.loaders.decisionOptionsByDecision.load(d.id);
  }

  @FieldResolver(() => [DecisionOutcome], { description: "Every outcome published, oldest first" })
  outcomeHistory(@Root() d: DecisionRow, @Ctx() ctx: Context): Promise<DecisionOutcomeRow[]> {
    return ctx.loaders.decisionOutcomesByDecision.load(d.id);
  }

  @FieldResolver(() => DecisionResults, {
    nullable: true,
    description: "Null while hidden for this viewer (AFTER_VOTE before voting, AFTER_CLOSE while open)",
  })
  @ViewerDependent()
  results(@Root() d: DecisionRow, @Ctx() ctx: Context): Promise<Results | null> {
    return resultsVia(ctx, d);
  }

  @FieldResolver(() => [Vote], {
    nullable: true,
    description: "Who voted what; null when anonymous or the results are hidden",
  })
  @ViewerDependent()
  async votes(@Root() d: DecisionRow, @Ctx() ctx: Context): Promise<VoteView[] | null> {
    if (!canSeeVoters(d, await resultsVisibleVia(ctx, d))) return null;
    return (await ctx.loaders.decisionVotesByDecision.load(d.id)).map((v) => voteView(v, d));
  }

  @FieldResolver(() => Vote, { nullable: true, description: "The viewer's own vote, or their organisation's" })
  @ViewerDependent()
  async viewerVote(@Root() d: DecisionRow, @Ctx() ctx: Context): Promise<VoteView | null> {
    const v = await viewerVoteVia(ctx, d);
    return v ? voteView(v, d) : null;
  }

  @FieldResolver(() => [Organization], { description: "The organisations the viewer may vote for (ORGANIZATIONS)" })
  @ViewerDependent()
  async viewerVotesFor(@Root() d: DecisionRow, @Ctx() ctx: Context): Promise<OrganizationRow[]> {
    const ids = await votesForVia(ctx, d);
    return (await Promise.all(ids.map((id) => ctx.loaders.organizationById.load(id)))).filter(
      (o): o is OrganizationRow => !!o,
    );
  }

  @FieldResolver(() => Participation)
  async participation(@Root() d: DecisionRow, @Ctx() ctx: Context): Promise<Participation> {
    const [cast, size] = await Promise.all([
      ctx.loaders.decisionVotesByDecision.load(d.id),
      ctx.loaders.decisionElectorateSize.load(`${d.communityId}:${d.electorate}`),
    ]);
    const eligible = size?.size ?? 0;
    return { voted: cast.length, eligible, percent: eligible ? Math.round((cast.length / eligible) * 1000) / 10 : 0 };
  }

  @FieldResolver(() => Boolean)
  @ViewerDependent()
  async viewerCanVote(@Root() d: DecisionRow, @Ctx() ctx: Context): Promise<boolean> {
    if (d.state !== "OPEN") return false;
    if (d.electorate === "ORGANIZATIONS") return (await votesForVia(ctx, d)).length > 0;
    return canVoteAsMember(await accessVia(ctx, d.communityId));
  }

  @FieldResolver(() => Boolean)
  @ViewerDependent()
  async viewerCanEdit(@Root() d: DecisionRow, @Ctx() ctx: Context): Promise<boolean> {
    return canEditDecision(await accessVia(ctx, d.communityId), d);
  }

  @FieldResolver(() => Boolean)
  @ViewerDependent()
  viewerCanOpen(@Root() d: DecisionRow, @Ctx() ctx: Context) {
    return can(ctx, d, "OPEN");
  }

  @FieldResolver(() => Boolean)
  @ViewerDependent()
  viewerCanClose(@Root() d: DecisionRow, @Ctx() ctx: Context) {
    return can(ctx, d, "CLOSE");
  }

  @FieldResolver(() => Boolean)
  @ViewerDependent()
  viewerCanCancel(@Root() d: DecisionRow, @Ctx() ctx: Context) {
    return can(ctx, d, "CANCEL");
  }

  @FieldResolver(() => Boolean)
  @ViewerDependent()
  viewerCanPublishOutcome(@Root() d: DecisionRow, @Ctx() ctx: Context) {
    return can(ctx, d, "PUBLISH");
  }
}

const can = async (ctx: Context, d: DecisionRow, step: DecisionStep) =>
  canTakeStep(await accessVia(ctx, d.communityId), d, step);

@Resolver(() => Vote)
export class VoteResolver {
  @FieldResolver(() => User, { nullable: true, description: "Null when the decision is anonymous" })
  voter(@Root() v: VoteView, @Ctx() ctx: Context): Promise<UserRow | null> | null {
    return v.anonymous ? null : ctx.loaders.userById.load(v.voterId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The organisation voted for (ORGANIZATIONS)" })
  organization(@Root() v: VoteView, @Ctx() ctx: Context): Promise<OrganizationRow | null> | null {
    return v.organizationId ? ctx.loaders.organizationById.load(v.organizationId) : null;
  }
}
