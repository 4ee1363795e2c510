import type { DecisionRow, VoteRow } from "@pratica/db";
import type { Context } from "../../core/context.js";
import { accessVia } from "../community/community.access.js";
import { count, type Results } from "./counting/index.js";
import { canSeeResults, canSeeVoters, canVoteAsMember } from "./decision.policy.js";

/** A vote as the api shows it: the ballot spread into fields, and whether its voter may be named. */
export type VoteView = VoteRow & {
  anonymous: boolean;
  consent: string | null;
  senseCheck: string | null;
  optionIds: string[] | null;
  ranking: string[] | null;
  scores: { optionId: string; score: number }[] | null;
  dots: { optionId: string; dots: number }[] | null;
};

export const voteView = (v: VoteRow, d: Pick<DecisionRow, "anonymous">): VoteView => {
  const c = v.choice as Record<string, unknown>;
  const pairs = <K extends string>(o: unknown, k: K) =>
    o
      ? Object.entries(o as Record<string, number>).map(
          ([optionId, n]) => ({ optionId, [k]: n }) as { optionId: string } & Record<K, number>,
        )
      : null;
  return {
    ...v,
    anonymous: d.anonymous,
    consent: (c.consent as string) ?? null,
    senseCheck: (c.senseCheck as string) ?? null,
    optionIds: (c.optionIds as string[]) ?? null,
    ranking: (c.ranking as string[]) ?? null,
    scores: pairs(c.scores, "score"),
    dots: pairs(c.dots, "dots"),
  };
};

/** The organisations the viewer may vote for in this decision (ORGANIZATIONS electorate). */
export async function votesForVia(ctx: Context, d: DecisionRow): Promise<string[]> {
  if (!ctx.viewer || d.electorate !== "ORGANIZATIONS") return [];
  if (!canVoteAsMember(await accessVia(ctx, d.communityId))) return [];
  const memberships = await ctx.loaders.organizationMembershipsByUser.load(ctx.viewer.id);
  const reps = memberships.filter((m) => m.role === "REPRESENTATIVE");
  const orgs = await Promise.all(reps.map((m) => ctx.loaders.organizationById.load(m.organizationId)));
  return orgs.filter((o) => o && o.withdrawnOn === null).map((o) => o?.id as string);
}

/** The viewer's own vote, or their organisation's (any representative of it sees it). */
export async function viewerVoteVia(ctx: Context, d: DecisionRow): Promise<VoteRow | null> {
  if (!ctx.viewer) return null;
  const all = await ctx.loaders.decisionVotesByDecision.load(d.id);
  if (d.electorate === "MEMBERS")
    return all.find((v) => v.voterId === ctx.viewer?.id && v.organizationId === null) ?? null;
  const orgs = new Set(await votesForVia(ctx, d));
  return all.find((v) => v.organizationId !== null && orgs.has(v.organizationId)) ?? null;
}

/** Whether this viewer sees the results now (resultsVisibility, their own vote). */
export async function resultsVisibleVia(ctx: Context, d: DecisionRow): Promise<boolean> {
  return canSeeResults(d, (await viewerVoteVia(ctx, d)) !== null);
}

/** The results, or null while hidden from this viewer. Time-poll names only when votes are not anonymous. */
export async function resultsVia(ctx: Context, d: DecisionRow): Promise<Results | null> {
  if (!(await resultsVisibleVia(ctx, d))) return null;
  const [options, ballots] = await Promise.all([
    ctx.loaders.decisionOptionsByDecision.load(d.id),
    ctx.loaders.decisionVotesByDecision.load(d.id),
  ]);
  const results = count(
    d.kind,
    options,
    ballots.map((b) => ({ voterId: b.voterId, choice: b.choice })),
  );
  if (!canSeeVoters(d, true)) results.totals = results.totals.map((t) => ({ ...t, voterIds: t.voterIds && null }));
  return results;
}
