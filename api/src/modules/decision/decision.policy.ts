import type { DecisionRow } from "@pratica/db";
import { isAdmin } from "../../core/viewer.js";
import type { Access } from "../community/community.access.js";
import { canRead, canWrite, isFacilitator } from "../community/community.policy.js";
import { canStep, type DecisionStep } from "./decision.workflow.js";

/** Who may do what with decisions: the one place these rules live (the service and `viewerCan…` both ask here). */

type D = Pick<DecisionRow, "authorId" | "state" | "resultsVisibility">;

/** A decision is read by whoever reads its community (along every edge: decision, thread, document, notification). */
export const canSeeDecision = (a: Access) => canRead(a.community, a.viewer, a.membership);

/** Active members (facilitators too) start decisions in a community that is not archived. */
export const canCreateDecision = (a: Access) => canWrite(a);

/** Its author (still an active member) or the community's facilitators steer it; admins too. */
export const canSteer = (a: Access, d: Pick<DecisionRow, "authorId">) =>
  (canWrite(a) && a.viewer !== null && a.viewer.id === d.authorId) || isFacilitator(a.membership) || isAdmin(a.viewer);

export const canTakeStep = (a: Access, d: D, step: DecisionStep) => canSteer(a, d) && canStep(d.state, step);

export const canEditDecision = (a: Access, d: D) => canSteer(a, d) && (d.state === "DRAFT" || d.state === "OPEN");

/** MEMBERS electorate: active members not suspended nor restricted (canWrite says exactly that). */
export const canVoteAsMember = (a: Access) => canWrite(a);

/**
 * Results are shown per `resultsVisibility`: ALWAYS; AFTER_VOTE once the viewer (or their
 * organisation) voted, or the decision closed; AFTER_CLOSE once it closed. Steering does not
 * reveal them early: the author sees what the others see.
 */
export const canSeeResults = (d: D, votedAlready: boolean) => {
  const closed = d.state === "CLOSED" || d.state === "OUTCOME_PUBLISHED";
  if (d.resultsVisibility === "ALWAYS") return true;
  if (d.resultsVisibility === "AFTER_VOTE") return votedAlready || closed;
  return closed;
};

/** Who voted what: never for an anonymous decision (to anyone, admins included), else with the results. */
export const canSeeVoters = (d: Pick<DecisionRow, "anonymous">, resultsVisible: boolean) =>
  !d.anonymous && resultsVisible;
