import type { Ballot, CountedOption } from "./ballot.js";

export type RankedRound = {
  /** Continuing options' votes this round (each ballot counts for its best-ranked continuing option). */
  tallies: { optionId: string; votes: number }[];
  /** Ballots that rank no continuing option: they drop out. */
  exhausted: number;
  /** The option eliminated after this round (null in the last round). */
  eliminatedId: string | null;
};

export type RankedTally = { rounds: RankedRound[]; winnerId: string | null };

/**
 * Instant run-off. Each round every ballot counts for its highest-ranked option still in the
 * race; an option with more than half of the ballots still counting wins; otherwise the option
 * with the fewest votes is eliminated. Ties for elimination are broken, in order (docs/decisions.md):
 *   1. fewer votes in the earlier rounds, latest round first back to the first preferences;
 *   2. fewer total mentions (ballots ranking the option anywhere);
 *   3. the later option position.
 * When one option is left it wins; no ballots at all: no winner.
 */
export function countRanked(options: readonly CountedOption[], ballots: readonly Ballot[]): RankedTally {
  const position = new Map(options.map((o, i) => [o.id, i]));
  const mentions = new Map(options.map((o) => [o.id, 0]));
  for (const b of ballots)
    for (const id of new Set(b.choice.ranking ?? [])) mentions.set(id, (mentions.get(id) ?? 0) + 1);
  const continuing = new Set(options.map((o) => o.id));
  const rounds: RankedRound[] = [];
  const history: Map<string, number>[] = [];
  if (ballots.length === 0) return { rounds: [], winnerId: null };

  for (;;) {
    const votes = new Map([...continuing].map((id) => [id, 0]));
    let exhausted = 0;
    for (const b of ballots) {
      const pick = (b.choice.ranking ?? []).find((id) => continuing.has(id));
      if (pick === undefined) exhausted++;
      else votes.set(pick, (votes.get(pick) ?? 0) + 1);
    }
    history.push(votes);
    const counting = ballots.length - exhausted;
    const tallies = options
      .filter((o) => continuing.has(o.id))
      .map((o) => ({ optionId: o.id, votes: votes.get(o.id) ?? 0 }));
    const top = tallies.reduce(
      (a, b) => (b.votes > a.votes ? b : a),
      tallies[0] as { optionId: string; votes: number },
    );
    if (continuing.size === 1 || (counting > 0 && top.votes * 2 > counting)) {
      rounds.push({ tallies, exhausted, eliminatedId: null });
      return { rounds, winnerId: counting > 0 || continuing.size === 1 ? top.optionId : null };
    }
    if (counting === 0) {
      rounds.push({ tallies, exhausted, eliminatedId: null });
      return { rounds, winnerId: null };
    }
    const loser = [...continuing].sort((a, b) => {
      for (let r = history.length - 1; r >= 0; r--) {
        const d = (history[r]?.get(a) ?? 0) - (history[r]?.get(b) ?? 0);
        if (d !== 0) return d;
      }
      const m = (mentions.get(a) ?? 0) - (mentions.get(b) ?? 0);
      if (m !== 0) return m;
      return (position.get(b) ?? 0) - (position.get(a) ?? 0);
    })[0] as string;
    rounds.push({ tallies, exhausted, eliminatedId: loser });
    continuing.delete(loser);
  }
}
