import { defineModule } from "../../core/module.js";
import { AppealResolver, CaseMessageResolver, CaseTransitionResolver } from "./appeal.resolver.js";
import { CaseResolver } from "./case.resolver.js";
import { CaseHistoryResolver } from "./case-history.resolver.js";
import { AuthorRecordResolver, CaseTargetResolver } from "./case-target.resolver.js";
import { moderationLoaders, moderationViewerLoaders } from "./moderation.loaders.js";
import type { ModerationMessage } from "./moderation.topics.js";
import { ModerationLogResolver } from "./moderation-log.resolver.js";
import { ModerationLogService } from "./moderation-log.service.js";
import { QueueService } from "./queue.service.js";
import { QueueEventsResolver } from "./queue-events.resolver.js";
import { ReportResolver } from "./report.resolver.js";

declare module "../../core/topics.js" {
  interface Topics {
    moderation: [communityIdOrAll: string, message: ModerationMessage];
  }
}

declare module "../../core/services.js" {
  interface Services {
    moderationQueue: QueueService;
    moderationLog: ModerationLogService;
  }
}

declare module "../../core/loaders.js" {
  interface SharedLoaders extends ReturnType<typeof moderationLoaders> {}
  interface ViewerLoaders extends ReturnType<typeof moderationViewerLoaders> {}
}

/**
 * Trust and safety: reports merged into cases, the review queue, decisions (hide, restore, warn,
 * restrict, suspend) with appeals to another moderator, automatic hiding, and the moderation log.
 * Above every module whose content can be reported (thread, library, deliverable, identity's
 * profiles), whose rows it hides and whose read rules it asks (docs/moderation.md).
 */
export const moderationModule = defineModule({
  name: "moderation",
  resolvers: [
    CaseResolver,
    CaseTargetResolver,
    AuthorRecordResolver,
    CaseHistoryResolver,
    AppealResolver,
    CaseMessageResolver,
    CaseTransitionResolver,
    ReportResolver,
    ModerationLogResolver,
    QueueEventsResolver,
  ],
  services: ({ db }) => ({
    moderationQueue: new QueueService(db),
    moderationLog: new ModerationLogService(db),
  }),
  loaders: moderationLoaders,
  viewerLoaders: moderationViewerLoaders,
});
