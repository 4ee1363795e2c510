import { defineModule } from "../../core/module.js";
import { AppealResolver, CaseMessageResolver, CaseTransitionResolver } from "./appeal.resolver.js";
import { AppealService } from "./appeal.service.js";
import { CaseResolver } from "./case.resolver.js";
import { CaseHistoryResolver } from "./case-history.resolver.js";
import { AuthorRecordResolver, CaseTargetResolver } from "./case-target.resolver.js";
import { CommunityThresholdResolver } from "./community-threshold.resolver.js";
import { DecisionService } from "./decision.service.js";
import { moderationLoaders, moderationViewerLoaders } from "./moderation.loaders.js";
import type { ModerationMessage } from "./moderation.topics.js";
import { ModerationLogResolver } from "./moderation-log.resolver.js";
import { ModerationLogService } from "./moderation-log.service.js";
import { ModerationWriteResolver } from "./moderation-write.resolver.js";
import { NotificationCaseResolver } from "./notification-case.resolver.js";
import { QueueService } from "./queue.service.js";
import { QueueEventsResolver } from "./queue-events.resolver.js";
import { ReportResolver } from "./report.resolver.js";
import { ReportService } from "./report.service.js";
import { type ModerationSettings, SanctionSweeperService } from "./sanction-sweeper.service.js";

declare module "../../core/topics.js" {
  interface Topics {
    moderation: [communityIdOrAll: string, message: ModerationMessage];
  }
}

declare module "../../core/services.js" {
  interface Services {
    moderationReports: ReportService;
    moderationDecisions: DecisionService;
    moderationAppeals: AppealService;
    sanctionSweeper: SanctionSweeperService;
    moderationQueue: QueueService;
    moderationLog: ModerationLogService;
  }
  interface ServiceOptions {
    /** The sanction sweeper's queue, and "now" for it and the appeal window; absent where no app runs. */
    moderation?: ModerationSettings | undefined;
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
    ModerationWriteResolver,
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
    NotificationCaseResolver,
    CommunityThresholdResolver,
  ],
  services: ({ db, bus, community, resource, deliverable, notification, sessions }, options) => {
    const settings = options.moderation ?? {};
    // One clock for every moderation rule in time (the appeal window, "until" in the future, the sweeper, the queue's age filter).
    const now = () => settings.clock?.() ?? new Date();
    return {
      moderationReports: new ReportService(db, community, resource, deliverable, notification, bus, now),
      moderationDecisions: new DecisionService(db, sessions, notification, bus, now),
      moderationAppeals: new AppealService(db, notification, bus, now),
      sanctionSweeper: new SanctionSweeperService(db, bus, settings),
      moderationQueue: new QueueService(db, now),
      moderationLog: new ModerationLogService(db),
    };
  },
  loaders: moderationLoaders,
  viewerLoaders: moderationViewerLoaders,
});
