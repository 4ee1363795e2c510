import type { DecisionRow } from "@pratica/db";
import { Arg, Ctx, createUnionType, Field, ID, ObjectType, Resolver, Root, Subscription } from "type-graphql";
import type { Context } from "../../core/context.js";
import { forbidden, notFound } from "../../core/errors.js";
import { resolveByTypename } from "../../core/union.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import type { Results } from "./counting/index.js";
import { Decision, DecisionResults } from "./decision.type.js";
import { resultsVia } from "./decision.view.js";
import { type DecisionEventPayload, decisionEventStream } from "./decision-events.js";

@ObjectType("VoteCast", { description: "A vote was cast or changed; results only when this subscriber may see them" })
export class VoteCast {
  @Field(() => Decision) decision!: DecisionRow;
  @Field(() => DecisionResults, { nullable: true }) results!: Results | null;
}

@ObjectType("DecisionChanged", { description: "Opened, closed, extended, cancelled, edited, or an outcome published" })
export class DecisionChanged {
  @Field(() => Decision) decision!: DecisionRow;
}

export const DecisionEvent = createUnionType({
  name: "DecisionEvent",
  types: () => [VoteCast, DecisionChanged] as const,
  resolveType: resolveByTypename,
});

@Resolver()
export class DecisionEventsResolver {
  @Subscription(() => DecisionEvent, {
    description: "A decision's votes and changes, live",
    subscribe: ({ args, context }) => decisionEventStream(context as Context, args.decisionId),
  })
  @ViewerDependent()
  async decisionEvents(
    @Root() event: DecisionEventPayload,
    @Arg("decisionId", () => ID) _decisionId: string,
    @Ctx() ctx: Context,
  ) {
    if ("kind" in event) throw forbidden("You no longer have access to this decision.");
    const decision = await ctx.loaders.decisionById.load(event.decisionId);
    if (!decision) throw notFound("Decision");
    if (event.type === "DECISION_CHANGED") return { __typename: "DecisionChanged", decision };
    return { __typename: "VoteCast", decision, results: await resultsVia(ctx, decision) };
  }
}
