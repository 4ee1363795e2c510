import { defineModule } from "../../core/module.js";
import { decisionLoaders } from "./decision.loaders.js";
import { DecisionResolver } from "./decision.resolver.js";
import { DecisionScheduler, type DecisionSettings } from "./decision.scheduler.js";
import { DecisionService } from "./decision.service.js";
import type { DecisionMessage } from "./decision.topics.js";
import {
  DeliverableDecisionsResolver,
  EventDecisionsResolver,
  NotificationDecisionResolver,
  ThreadDecisionsResolver,
} from "./decision-edges.resolver.js";
import { DecisionEventsResolver } from "./decision-events.resolver.js";
import { DecisionFieldsResolver, VoteResolver } from "./decision-fields.resolver.js";
import { VoteService } from "./vote.service.js";

declare module "../../core/services.js" {
  interface Services {
    decision: DecisionService;
    vote: VoteService;
    decisionScheduler: DecisionScheduler;
  }
  interface ServiceOptions {
    /** The scheduler's queue, and "now" for decisions; absent where no app runs. */
    decisions?: DecisionSettings | undefined;
  }
}
declare module "../../core/loaders.js" {
  interface SharedLoaders extends ReturnType<typeof decisionLoaders> {}
}
declare module "../../core/topics.js" {
  interface Topics {
    decision: [decisionId: string, message: DecisionMessage];
  }
}

/**
 * Decisions and votes (issue 17): consent, sense checks, polls, scores, rankings, dot votes and
 * time polls, by members or one vote per organisation. Above deliverable (an outcome moves a
 * document), events (decisions taken there) and notification; docs/decisions.md.
 */
export const decisionModule = defineModule({
  name: "decision",
  resolvers: [
    DecisionResolver,
    DecisionFieldsResolver,
    VoteResolver,
    ThreadDecisionsResolver,
    DeliverableDecisionsResolver,
    EventDecisionsResolver,
    NotificationDecisionResolver,
    DecisionEventsResolver,
  ],
  services: ({ db, bus, community, deliverable, notification }, options) => {
    const settings = options.decisions ?? {};
    const now = () => settings.clock?.() ?? new Date();
    const decision = new DecisionService(db, bus, community, deliverable, notification, now);
    return {
      decision,
      vote: new VoteService(db, decision),
      decisionScheduler: new DecisionScheduler(db, decision, settings),
    };
  },
  loaders: decisionLoaders,
});
