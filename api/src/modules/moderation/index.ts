import { defineModule } from "../../core/module.js";
import { AppealService } from "./appeal.service.js";
import { DecisionService } from "./decision.service.js";
import type { ModerationMessage } from "./moderation.topics.js";
import { ModerationWriteResolver } from "./moderation-write.resolver.js";
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
  }
  interface ServiceOptions {
    /** The sanction sweeper's queue, and "now" for it and the appeal window; absent where no app runs. */
    moderation?: ModerationSettings | undefined;
  }
}

/**
 * Trust and safety: reports merged into cases, the review queue, decisions (hide, restore, warn,
 * restrict, suspend) with appeals to another moderator, automatic hiding, and the moderation log.
 * Above every module whose content can be reported (thread, library, deliverable, identity's
 * profiles), whose rows it hides and whose read rules it asks (docs/moderation.md).
 */
export const moderationModule = defineModule({
  name: "moderation",
  resolvers: [ModerationWriteResolver],
  services: ({ db, bus, community, resource, deliverable, notification, sessions }, options) => {
    const settings = options.moderation ?? {};
    // One clock for every moderation rule in time (the appeal window, "until" in the future, the sweeper).
    const now = () => settings.clock?.() ?? new Date();
    return {
      moderationReports: new ReportService(db, community, resource, deliverable, notification, bus, now),
      moderationDecisions: new DecisionService(db, sessions, notification, bus, now),
      moderationAppeals: new AppealService(db, notification, bus, now),
      sanctionSweeper: new SanctionSweeperService(db, bus, settings),
    };
  },
});
