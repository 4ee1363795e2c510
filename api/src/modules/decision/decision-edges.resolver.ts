import type { DecisionRow, DeliverableRow, EventRow, NotificationRow, ThreadRow } from "@pratica/db";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { accessVia } from "../community/community.access.js";
import { Deliverable } from "../deliverable/deliverable.type.js";
import { Event } from "../events/events.type.js";
import { Notification } from "../inbox/notification.type.js";
import { Thread } from "../thread/thread.type.js";
import { canSeeDecision } from "./decision.policy.js";
import { Decision } from "./decision.type.js";

/** Decisions along their parents' edges; each edge asks the community's read rule again. */
const readable = async (ctx: Context, communityId: string, rows: DecisionRow[]) =>
  rows.length && canSeeDecision(await accessVia(ctx, communityId)) ? rows : [];

@Resolver(() => Thread)
export class ThreadDecisionsResolver {
  @FieldResolver(() => [Decision], { description: "Decisions taken on this thread, newest first" })
  @ViewerDependent()
  async decisions(@Root() t: ThreadRow, @Ctx() ctx: Context): Promise<DecisionRow[]> {
    return readable(ctx, t.communityId, await ctx.loaders.decisionsByThread.load(t.id));
  }
}

@Resolver(() => Deliverable)
export class DeliverableDecisionsResolver {
  @FieldResolver(() => [Decision], { description: "Decisions taken on this document, newest first" })
  @ViewerDependent()
  async decisions(@Root() d: DeliverableRow, @Ctx() ctx: Context): Promise<DecisionRow[]> {
    return readable(ctx, d.communityId, await ctx.loaders.decisionsByDeliverable.load(d.id));
  }
}

@Resolver(() => Event)
export class EventDecisionsResolver {
  @FieldResolver(() => [Decision], {
    description: "Decisions taken at this event, newest first (its community's readers)",
  })
  @ViewerDependent()
  async decisions(@Root() e: EventRow, @Ctx() ctx: Context): Promise<DecisionRow[]> {
    if (!e.communityId) return [];
    return readable(ctx, e.communityId, await ctx.loaders.decisionsByEvent.load(e.id));
  }
}

@Resolver(() => Notification)
export class NotificationDecisionResolver {
  @FieldResolver(() => Decision, {
    nullable: true,
    description: "The decision it is about, if the viewer may still read it",
  })
  @ViewerDependent()
  async decision(@Root() n: NotificationRow, @Ctx() ctx: Context): Promise<DecisionRow | null> {
    if (!n.decisionId) return null;
    const d = await ctx.loaders.decisionById.load(n.decisionId);
    return d && (await readable(ctx, d.communityId, [d])).length ? d : null;
  }
}
