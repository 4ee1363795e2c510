import { defineModule } from "../../core/module.js";
import { PostResolver, PostRevisionResolver, ReactionSummaryResolver } from "./post.resolver.js";
import { PostService } from "./post.service.js";
import { threadLoaders, threadViewerLoaders } from "./thread.loaders.js";
import { CommunityThreadsResolver, ThreadResolver } from "./thread.resolver.js";
import { ThreadService } from "./thread.service.js";
import type { ThreadMessage } from "./thread.topics.js";
import { ThreadEventsResolver } from "./thread-events.resolver.js";
import { ThreadModerationResolver } from "./thread-moderation.resolver.js";

declare module "../../core/services.js" {
  interface Services {
    thread: ThreadService;
    post: PostService;
  }
}
declare module "../../core/loaders.js" {
  interface SharedLoaders extends ReturnType<typeof threadLoaders> {}
  interface ViewerLoaders extends ReturnType<typeof threadViewerLoaders> {}
}
declare module "../../core/topics.js" {
  interface Topics {
    thread: [threadId: string, message: ThreadMessage];
  }
}

export const threadModule = defineModule({
  name: "thread",
  resolvers: [
    ThreadResolver,
    ThreadModerationResolver,
    CommunityThreadsResolver,
    PostResolver,
    PostRevisionResolver,
    ReactionSummaryResolver,
    ThreadEventsResolver,
  ],
  services: ({ db, bus, community, notification, trust }) => {
    const thread = new ThreadService(db, community, bus, notification, trust);
    return { thread, post: new PostService(db, community, notification, bus, trust) };
  },
  loaders: threadLoaders,
  viewerLoaders: threadViewerLoaders,
});
