import type { ResourceRow, ThreadRow } from "@pratica/db";
import { Arg, Ctx, createUnionType, Field, ID, ObjectType, Resolver, Root, Subscription } from "type-graphql";
import type { Context } from "../../core/context.js";
import { forbidden, notFound } from "../../core/errors.js";
import type { Revoked } from "../../core/replay-then-live.js";
import { resolveByTypename } from "../../core/union.js";
import type { CommunityMessage } from "../community/community.topics.js";
import { Resource } from "../library/resource.type.js";
import { Thread } from "../thread/thread.type.js";
import { communityEventStream } from "./community-events.js";

@ObjectType("ThreadCreated")
export class ThreadCreated {
  @Field(() => Thread) thread!: ThreadRow;
}

@ObjectType("ThreadUpdated", { description: "New reply count or activity, pinned or locked" })
export class ThreadUpdated {
  @Field(() => Thread) thread!: ThreadRow;
}

@ObjectType("ResourcePublished", { description: "Material newly visible in the library" })
export class ResourcePublished {
  @Field(() => Resource) resource!: ResourceRow;
}

export const CommunityEvent = createUnionType({
  name: "CommunityEvent",
  types: () => [ThreadCreated, ThreadUpdated, ResourcePublished] as const,
  resolveType: resolveByTypename,
});

const TYPENAMES = { THREAD_CREATED: "ThreadCreated", THREAD_UPDATED: "ThreadUpdated" } as const;

@Resolver()
export class CommunityEventsResolver {
  @Subscription(() => CommunityEvent, {
    description: "What changes in a community's lists: new threads, new activity, pins and locks",
    subscribe: ({ args, context }) => communityEventStream(context as Context, args.communityId),
  })
  async communityEvents(
    @Root() event: CommunityMessage | Revoked,
    @Arg("communityId", () => ID) _communityId: string,
    @Ctx() { loaders }: Context,
  ) {
    if ("kind" in event) throw forbidden("You no longer have access to this community.");
    if (event.type === "RESOURCE_PUBLISHED") {
      const resource = await loaders.resourceById.load(event.resourceId);
      if (!resource) throw notFound("Resource");
      return { __typename: "ResourcePublished", resource };
    }
    const thread = await loaders.threadById.load(event.threadId);
    if (!thread) throw notFound("Thread");
    return { __typename: TYPENAMES[event.type], thread };
  }
}
