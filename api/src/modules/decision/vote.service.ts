import {
  type Database,
  type DecisionRow,
  decisionOptions,
  type Executor,
  organizationMembers,
  organizations,
  type VoteRow,
  votes,
} from "@pratica/db";
import { and, eq, isNull } from "drizzle-orm";
import { badInput, conflict, forbidden } from "../../core/errors.js";
import { isUuid } from "../../core/ids.js";
import { parseInput } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import type { Access } from "../community/community.access.js";
import type { Choice } from "./counting/index.js";
import { canVoteAsMember } from "./decision.policy.js";
import { type CastVote, castVoteRules } from "./decision.rules.js";
import type { DecisionService } from "./decision.service.js";

/**
 * Casting (and changing) a vote while the decision is open: one per member, or one per
 * organisation, written under the decision's lock, so the last of two representatives voting
 * at once is the one that counts, and no vote lands once the decision closed.
 */
export class VoteService {
  constructor(
    private readonly db: Database,
    private readonly decisions: DecisionService,
  ) {}

  cast(viewer: Viewer | null, input: unknown): Promise<VoteRow> {
    const vote = parseInput(castVoteRules, input);
    return this.decisions.mutate(viewer, vote.decisionId, async (tx, { decision, access, viewer }) => {
      const organizationId = await mayVote(tx, decision, access, viewer, vote.organizationId);
      if (decision.state !== "OPEN" || decision.closesAt <= this.decisions.clock()) {
        throw conflict("This decision is not open for votes.", { state: decision.state, version: decision.version });
      }
      const choice = await choiceOf(tx, decision, vote);
      if ((decision.reasonRequired || choice.consent === "BLOCK") && !vote.reason) {
        throw badInput(
          "reason",
          choice.consent === "BLOCK" ? "A block needs a reason." : "This decision asks for a reason.",
        );
      }
      const reason = vote.reason || null;
      const mine = organizationId
        ? and(eq(votes.decisionId, decision.id), eq(votes.organizationId, organizationId))
        : and(eq(votes.decisionId, decision.id), eq(votes.voterId, viewer.id), isNull(votes.organizationId));
      const [before] = await tx.select({ id: votes.id }).from(votes).where(mine);
      const [row] = before
        ? await tx
            .update(votes)
            .set({ voterId: viewer.id, choice, reason, updatedAt: new Date() })
            .where(eq(votes.id, before.id))
            .returning()
        : await tx
            .insert(votes)
            .values({
              decisionId: decision.id,
              communityId: decision.communityId,
              voterId: viewer.id,
              organizationId,
              choice,
              reason,
            })
            .returning();
      if (!row) throw new Error("vote not written");
      return { value: row, voteCast: true };
    });
  }

  /** The organisations a viewer may vote for in a community: those they represent, partners still, while an active member. */
  async votesFor(viewer: Viewer | null, access: Access, db: Executor = this.db): Promise<string[]> {
    if (!viewer || !canVoteAsMember(access)) return [];
    const rows = await db
      .select({ id: organizationMembers.organizationId })
      .from(organizationMembers)
      .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
      .where(
        and(
          eq(organizationMembers.userId, viewer.id),
          eq(organizationMembers.role, "REPRESENTATIVE"),
          isNull(organizations.withdrawnOn),
        ),
      );
    return rows.map((r) => r.id);
  }
}

/** Who votes: an active member for themselves, or a representative for a partner organisation. */
async function mayVote(
  tx: Executor,
  d: DecisionRow,
  access: Access,
  viewer: Viewer,
  organizationId: string | undefined,
) {
  if (d.electorate === "MEMBERS") {
    if (organizationId !== undefined) throw badInput("organizationId", "In this decision members vote for themselves.");
    if (!canVoteAsMember(access)) throw forbidden("Only active members of this community can vote.");
    return null;
  }
  if (organizationId === undefined) throw badInput("organizationId", "Say which organisation you vote for.");
  if (!canVoteAsMember(access))
    throw forbidden("Only active members of this community can vote for their organisation.");
  const [rep] = isUuid(organizationId)
    ? await tx
        .select({ role: organizationMembers.role, withdrawnOn: organizations.withdrawnOn })
        .from(organizationMembers)
        .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
        .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, viewer.id)))
    : [];
  if (rep?.role !== "REPRESENTATIVE") throw forbidden("Only a representative of the organisation can vote for it.");
  if (rep.withdrawnOn !== null) throw forbidden("A withdrawn organisation no longer votes.");
  return organizationId;
}

/** The ballot as the kind asks for it, checked against the decision's options. */
async function choiceOf(tx: Executor, d: DecisionRow, v: CastVote): Promise<Choice> {
  const ids = new Set(
    (await tx.select({ id: decisionOptions.id }).from(decisionOptions).where(eq(decisionOptions.decisionId, d.id))).map(
      (o) => o.id,
    ),
  );
  const known = (field: string, list: string[]) => {
    if (list.some((id) => !ids.has(id))) throw badInput(field, "Choose among this decision's options.");
    if (new Set(list).size !== list.length) throw badInput(field, "Each option once.");
  };
  switch (d.kind) {
    case "CONSENT":
      if (!v.consent) throw badInput("consent", "Agree, abstain, disagree or block.");
      return { consent: v.consent };
    case "SENSE_CHECK":
      if (!v.senseCheck) throw badInput("senseCheck", "Agree, unsure or disagree.");
      return { senseCheck: v.senseCheck };
    case "SINGLE_CHOICE":
      if (v.optionIds?.length !== 1) throw badInput("optionIds", "Choose one option.");
      known("optionIds", v.optionIds);
      return { optionIds: v.optionIds };
    case "MULTIPLE_CHOICE": {
      const picked = v.optionIds ?? [];
      if (!picked.length) throw badInput("optionIds", "Choose at least one option.");
      if (d.maxChoices !== null && picked.length > d.maxChoices)
        throw badInput("optionIds", `Choose at most ${d.maxChoices} options.`);
      known("optionIds", picked);
      return { optionIds: picked };
    }
    case "TIME_POLL": {
      const picked = v.optionIds ?? [];
      known("optionIds", picked);
      return { optionIds: picked };
    }
    case "RANKED_CHOICE": {
      const ranking = v.ranking ?? [];
      if (!ranking.length) throw badInput("ranking", "Rank at least your first choice.");
      known("ranking", ranking);
      return { ranking };
    }
    case "SCORE": {
      const scores = v.scores ?? [];
      if (!scores.length) throw badInput("scores", "Score at least one option.");
      known(
        "scores",
        scores.map((s) => s.optionId),
      );
      return { scores: Object.fromEntries(scores.map((s) => [s.optionId, s.score])) };
    }
    case "DOT_VOTE": {
      const dots = (v.dots ?? []).filter((x) => x.dots > 0);
      const sum = dots.reduce((a, x) => a + x.dots, 0);
      if (!sum) throw badInput("dots", "Place at least one dot.");
      if (sum > (d.dotsPerVoter ?? 0)) throw badInput("dots", `You have ${d.dotsPerVoter} dots to place.`);
      known(
        "dots",
        dots.map((x) => x.optionId),
      );
      return { dots: Object.fromEntries(dots.map((x) => [x.optionId, x.dots])) };
    }
  }
}
