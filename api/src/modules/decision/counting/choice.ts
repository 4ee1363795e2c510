import type { Ballot, CountedOption } from "./ballot.js";

/** One option's line in the results; the fields a kind does not use stay null. */
export type OptionTotal = {
  optionId: string;
  label: string;
  /** Ballots that chose it (poll, time poll), scored it (score), gave it dots (dot vote), ranked it first (ranked). */
  count: number;
  /** count as a share of the ballots cast, 0..100, one decimal. */
  percent: number;
  mean: number | null;
  median: number | null;
  dots: number | null;
  /** TIME_POLL: who can attend at that time. */
  voterIds: string[] | null;
};

export const percentOf = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 1000) / 10);

const total = (o: CountedOption, count: number, of: number): OptionTotal => ({
  optionId: o.id,
  label: o.label,
  count,
  percent: percentOf(count, of),
  mean: null,
  median: null,
  dots: null,
  voterIds: null,
});

/** SINGLE_CHOICE and MULTIPLE_CHOICE: how many ballots chose each option. */
export function countChoices(options: readonly CountedOption[], ballots: readonly Ballot[]): OptionTotal[] {
  return options.map((o) => total(o, ballots.filter((b) => b.choice.optionIds?.includes(o.id)).length, ballots.length));
}

/** TIME_POLL: who can attend each time; the best time is the one most can attend, the earlier option on a tie. */
export function countTimePoll(
  options: readonly CountedOption[],
  ballots: readonly Ballot[],
): { totals: OptionTotal[]; bestOptionId: string | null } {
  const totals = options.map((o) => {
    const voterIds = ballots.filter((b) => b.choice.optionIds?.includes(o.id)).map((b) => b.voterId);
    return { ...total(o, voterIds.length, ballots.length), voterIds };
  });
  return { totals, bestOptionId: leader(totals, (t) => t.count) };
}

/** The first option with the highest value (options are in position order), none when all are 0. */
export function leader(totals: readonly OptionTotal[], value: (t: OptionTotal) => number): string | null {
  let best: OptionTotal | null = null;
  for (const t of totals) if (value(t) > 0 && (best === null || value(t) > value(best))) best = t;
  return best?.optionId ?? null;
}

/** SCORE: mean and median of the 0..5 scores each option received, and how many scored it. */
export function countScores(options: readonly CountedOption[], ballots: readonly Ballot[]): OptionTotal[] {
  return options.map((o) => {
    const scores = ballots
      .map((b) => b.choice.scores?.[o.id])
      .filter((s): s is number => typeof s === "number")
      .sort((a, b) => a - b);
    const mean = scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100 : null;
    const mid = scores.length >> 1;
    const median = !scores.length
      ? null
      : scores.length % 2
        ? (scores[mid] as number)
        : ((scores[mid - 1] as number) + (scores[mid] as number)) / 2;
    return { ...total(o, scores.length, ballots.length), mean, median };
  });
}

/** DOT_VOTE: the dots each option received; percent is of all dots given. */
export function countDots(options: readonly CountedOption[], ballots: readonly Ballot[]): OptionTotal[] {
  const sums = options.map((o) => ballots.reduce((sum, b) => sum + (b.choice.dots?.[o.id] ?? 0), 0));
  const all = sums.reduce((a, b) => a + b, 0);
  return options.map((o, i) => {
    const dots = sums[i] as number;
    const voters = ballots.filter((b) => (b.choice.dots?.[o.id] ?? 0) > 0).length;
    return { ...total(o, voters, ballots.length), percent: percentOf(dots, all), dots };
  });
}
