import type { DecisionRow } from "@pratica/db";
import type { Ballot, CountedOption } from "./ballot.js";
import { countChoices, countDots, countScores, countTimePoll, leader, type OptionTotal } from "./choice.js";
import { type ConsentTally, countConsent, countSenseCheck, type SenseCheckTally } from "./consent.js";
import { countRanked, type RankedTally } from "./ranked.js";

export type { Ballot, Choice, CountedOption } from "./ballot.js";

/** The results of a decision as the api shows them (decision.type.ts: DecisionResults). */
export type Results = {
  kind: DecisionRow["kind"];
  ballots: number;
  totals: OptionTotal[];
  consent: ConsentTally | null;
  senseCheck: SenseCheckTally | null;
  ranked: RankedTally | null;
  /** The leading option: most chosen, best mean score, most dots, run-off winner, best time. */
  leadingOptionId: string | null;
};

/** Counts a decision's ballots with its kind's pure function. */
export function count(
  kind: DecisionRow["kind"],
  options: readonly CountedOption[],
  ballots: readonly Ballot[],
): Results {
  const base: Results = {
    kind,
    ballots: ballots.length,
    totals: [],
    consent: null,
    senseCheck: null,
    ranked: null,
    leadingOptionId: null,
  };
  switch (kind) {
    case "CONSENT":
      return { ...base, consent: countConsent(ballots) };
    case "SENSE_CHECK":
      return { ...base, senseCheck: countSenseCheck(ballots) };
    case "SINGLE_CHOICE":
    case "MULTIPLE_CHOICE": {
      const totals = countChoices(options, ballots);
      return { ...base, totals, leadingOptionId: leader(totals, (t) => t.count) };
    }
    case "SCORE": {
      const totals = countScores(options, ballots);
      return { ...base, totals, leadingOptionId: leader(totals, (t) => t.mean ?? 0) };
    }
    case "DOT_VOTE": {
      const totals = countDots(options, ballots);
      return { ...base, totals, leadingOptionId: leader(totals, (t) => t.dots ?? 0) };
    }
    case "TIME_POLL": {
      const { totals, bestOptionId } = countTimePoll(options, ballots);
      return { ...base, totals, leadingOptionId: bestOptionId };
    }
    case "RANKED_CHOICE": {
      const ranked = countRanked(options, ballots);
      const first = ranked.rounds[0]?.tallies ?? [];
      const totals = countChoices(options, []).map((t) => {
        const votes = first.find((f) => f.optionId === t.optionId)?.votes ?? 0;
        return { ...t, count: votes, percent: ballots.length ? Math.round((votes / ballots.length) * 1000) / 10 : 0 };
      });
      return { ...base, totals, ranked, leadingOptionId: ranked.winnerId };
    }
  }
}
