import { Arg, Ctx, ID, Resolver, Root, Subscription } from "type-graphql";
import type { Context } from "../../core/context.js";
import { forbidden, notFound } from "../../core/errors.js";
import { type ThreadEventPayload, threadEventStream } from "./thread-events.js";
import { DURABLE_TYPENAMES, ThreadEvent } from "./thread-events.type.js";

@Resolver()
export class ThreadEventsResolver {
  @Subscription(() => ThreadEvent, {
    description: "A thread's events: with `after`, first every durable event after that cursor, then live ones",
    subscribe: ({ args, context }) => threadEventStream(context as Context, args.threadId, args.after),
  })
  async threadEvents(
    @Root() event: ThreadEventPayload,
    @Arg("threadId", () => ID) _threadId: string,
    @Arg("after", () => String, { nullable: true }) _after: string | null,
    @Ctx() { loaders }: Context,
  ) {
    if (event.kind === "revoked") throw forbidden("You no longer have access to this community.");
    if (event.kind === "typing") {
      const user = await loaders.userById.load(event.userId);
      if (!user) throw notFound("User");
      return { __typename: "Typing", threadId: event.threadId, user };
    }
    const post = await loaders.postById.load(event.postId);
    if (!post) throw notFound("Post");
    return { __typename: DURABLE_TYPENAMES[event.type], cursor: String(event.eventId), post };
  }
}
