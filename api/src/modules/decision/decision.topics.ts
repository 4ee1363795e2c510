import type { EventBus } from "../../core/event-bus.js";

/**
 * What the `decision` topic carries (decision/<id>): a vote was cast (or changed), or the decision
 * itself changed (opened, closed, extended, cancelled, outcome). Never stored: a subscriber reads
 * the decision afresh, and what it may see of the results, when the message arrives.
 */
export type DecisionMessage = { type: "VOTE_CAST" | "DECISION_CHANGED"; decisionId: string };

export const publishDecision = (bus: EventBus, decisionId: string, type: DecisionMessage["type"]) =>
  bus.publish("decision", decisionId, { type, decisionId });
