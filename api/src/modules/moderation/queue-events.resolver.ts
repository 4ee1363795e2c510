import type { ModerationCaseRow } from "@pratica/db";
import { Arg, Ctx, createUnionType, Field, ID, ObjectType, Resolver, Root, Subscription } from "type-graphql";
import type { Context } from "../../core/context.js";
import { forbidden, notFound } from "../../core/errors.js";
import type { Revoked } from "../../core/replay-then-live.js";
import { resolveByTypename } from "../../core/union.js";
import type { ModerationMessage } from "./moderation.topics.js";
import { ModerationCase } from "./moderation.type.js";
import { queueEventStream } from "./queue-events.js";

@ObjectType("CaseChanged", { description: "A case opened or moved: reports merged, auto-hidden, decided, appealed" })
export class CaseChanged {
  @Field(() => ModerationCase) case!: ModerationCaseRow;
}

export const ModerationQueueEvent = createUnionType({
  name: "ModerationQueueEvent",
  types: () => [CaseChanged] as const,
  resolveType: resolveByTypename,
});

@Resolver()
export class QueueEventsResolver {
  @Subscription(() => ModerationQueueEvent, {
    description:
      "The review queue, live: a community's cases (its facilitators, admins), or every case (admins, no id). Live only: read the queue first",
    subscribe: ({ args, context }) => queueEventStream(context as Context, args.communityId ?? null),
  })
  async moderationQueueEvents(
    @Root() event: ModerationMessage | Revoked,
    @Arg("communityId", () => ID, { nullable: true }) _communityId: string | null,
    @Ctx() { loaders }: Context,
  ) {
    if (event.kind === "revoked") throw forbidden("You no longer moderate this community.");
    const moderated = await loaders.caseById.load(event.caseId);
    if (!moderated) throw notFound("Case");
    return { __typename: "CaseChanged", case: moderated };
  }
}
