import { describe, expect, it } from "vitest";
import { type Ballot, count } from "../../modules/decision/counting/index.js";
import { countRanked } from "../../modules/decision/counting/ranked.js";

const options = ["a", "b", "c", "d"].map((id) => ({ id, label: id.toUpperCase() }));
const ballots = (choices: Ballot["choice"][]): Ballot[] => choices.map((choice, i) => ({ voterId: `v${i}`, choice }));
const ranked = (...rankings: string[][]) => ballots(rankings.map((ranking) => ({ ranking })));

describe("counting, one pure function per kind", () => {
  it("consent: counts each position; any block blocks; passes with more agree than disagree", () => {
    const r = count(
      "CONSENT",
      [],
      ballots([{ consent: "AGREE" }, { consent: "AGREE" }, { consent: "DISAGREE" }, { consent: "ABSTAIN" }]),
    );
    expect(r.consent).toEqual({ agree: 2, abstain: 1, disagree: 1, block: 0, blocked: false, passed: true });
    const blocked = count("CONSENT", [], ballots([{ consent: "AGREE" }, { consent: "BLOCK" }])).consent;
    expect(blocked).toMatchObject({ block: 1, blocked: true, passed: false });
    expect(count("CONSENT", [], ballots([{ consent: "AGREE" }, { consent: "DISAGREE" }])).consent?.passed).toBe(false);
    expect(count("CONSENT", [], []).consent).toMatchObject({ passed: false, blocked: false });
  });

  it("sense check: agree, unsure, disagree", () => {
    const r = count(
      "SENSE_CHECK",
      [],
      ballots([{ senseCheck: "AGREE" }, { senseCheck: "UNSURE" }, { senseCheck: "UNSURE" }]),
    );
    expect(r.senseCheck).toEqual({ agree: 1, unsure: 2, disagree: 0 });
  });

  it("single and multiple choice: counts and percent of ballots; the leader is the first most chosen", () => {
    const single = count(
      "SINGLE_CHOICE",
      options,
      ballots([{ optionIds: ["b"] }, { optionIds: ["b"] }, { optionIds: ["a"] }]),
    );
    expect(single.totals.map((t) => [t.optionId, t.count, t.percent])).toEqual([
      ["a", 1, 33.3],
      ["b", 2, 66.7],
      ["c", 0, 0],
      ["d", 0, 0],
    ]);
    expect(single.leadingOptionId).toBe("b");
    const multi = count("MULTIPLE_CHOICE", options, ballots([{ optionIds: ["a", "c"] }, { optionIds: ["c"] }]));
    expect(multi.totals.map((t) => t.count)).toEqual([1, 0, 2, 0]);
    expect(multi.totals[2]?.percent).toBe(100);
    expect(count("SINGLE_CHOICE", options, ballots([{ optionIds: ["c"] }, { optionIds: ["a"] }])).leadingOptionId).toBe(
      "a",
    );
    expect(count("SINGLE_CHOICE", options, []).leadingOptionId).toBeNull();
  });

  it("score: mean and median per option, how many scored it", () => {
    const r = count(
      "SCORE",
      options,
      ballots([{ scores: { a: 5, b: 1 } }, { scores: { a: 2, b: 2 } }, { scores: { a: 4 } }, { scores: { a: 0 } }]),
    );
    expect(r.totals[0]).toMatchObject({ count: 4, mean: 2.75, median: 3 });
    expect(r.totals[1]).toMatchObject({ count: 2, mean: 1.5, median: 1.5 });
    expect(r.totals[2]).toMatchObject({ count: 0, mean: null, median: null });
    expect(r.leadingOptionId).toBe("a");
  });

  it("dot vote: sums of dots, percent of all dots", () => {
    const r = count("DOT_VOTE", options, ballots([{ dots: { a: 3, b: 2 } }, { dots: { b: 5 } }]));
    expect(r.totals.map((t) => t.dots)).toEqual([3, 7, 0, 0]);
    expect(r.totals.map((t) => t.percent)).toEqual([30, 70, 0, 0]);
    expect(r.totals.map((t) => t.count)).toEqual([1, 2, 0, 0]);
    expect(r.leadingOptionId).toBe("b");
  });

  it("time poll: who can attend each time; the best time (the earlier on a tie)", () => {
    const r = count(
      "TIME_POLL",
      options,
      ballots([{ optionIds: ["b", "c"] }, { optionIds: ["c", "b"] }, { optionIds: [] }]),
    );
    expect(r.totals.map((t) => t.voterIds)).toEqual([[], ["v0", "v1"], ["v0", "v1"], []]);
    expect(r.leadingOptionId).toBe("b");
  });

  describe("ranked choice by instant run-off", () => {
    it("a majority of first preferences wins in round one", () => {
      const r = countRanked(options, ranked(["a"], ["a", "b"], ["b"]));
      expect(r.winnerId).toBe("a");
      expect(r.rounds).toHaveLength(1);
    });

    it("eliminates the fewest, transfers, and shows each round", () => {
      // a 2, b 2, c 1 (c → b): c out, b reaches 3 of 5.
      const r = countRanked(options.slice(0, 3), ranked(["a"], ["a"], ["b"], ["b"], ["c", "b"]));
      expect(r.rounds.map((x) => x.eliminatedId)).toEqual(["c", null]);
      expect(r.rounds[1]?.tallies).toEqual([
        { optionId: "a", votes: 2 },
        { optionId: "b", votes: 3 },
      ]);
      expect(r.winnerId).toBe("b");
    });

    it("an exhausted ballot drops out: the majority is of the ballots still counting", () => {
      // a 2, b 1, c 1 (c ranks nothing else) ; d 0. d out; then b and c tie at 1: see the tie-breaks.
      const r = countRanked(options, ranked(["a"], ["a"], ["b", "a"], ["c"], ["b"]));
      expect(r.winnerId).toBe("a");
      const last = r.rounds.at(-1);
      expect(last?.exhausted).toBeGreaterThanOrEqual(0);
      const withExhausted = countRanked(options.slice(0, 3), ranked(["a"], ["a"], ["b"], ["b"], ["c"]));
      // c out, its ballot exhausts: a 2 and b 2 of 4 counting; a tie broken below (b has the later position).
      expect(withExhausted.rounds[1]?.exhausted).toBe(1);
      expect(withExhausted.rounds[1]?.eliminatedId).toBe("b");
      expect(withExhausted.winnerId).toBe("a");
    });

    it("tie-break 1: fewer votes in the earlier round goes first", () => {
      // Round 1: a 3, b 2, c 2, d 1 → d out (to c). Round 2: a 3, b 2, c 3... no majority of 8: b out.
      // Build a tie in round 2 between b and c where c had fewer in round 1.
      const r = countRanked(options, ranked(["a"], ["a"], ["a"], ["b"], ["b"], ["c"], ["d", "c"], ["a"]));
      // Round 1: a 4, b 2, c 1, d 1 → c and d tie at 1, same history; mentions: c 2, d 1 → d out.
      expect(r.rounds[0]?.eliminatedId).toBe("d");
      // Round 2: a 4, b 2, c 2 → b and c tie; round 1 had b 2, c 1 → c out.
      expect(r.rounds[1]?.eliminatedId).toBe("c");
      expect(r.winnerId).toBe("a");
    });

    it("tie-break 2 and 3: fewer mentions, then the later position", () => {
      const mentions = countRanked(
        options.slice(0, 3),
        ranked(["a"], ["a"], ["b"], ["c", "x"], ["a", "b"], ["a", "b"]),
      );
      // Round 1: a 4 of 6 wins outright.
      expect(mentions.winnerId).toBe("a");
      const noMajority = countRanked(options.slice(0, 3), ranked(["a"], ["b", "a"], ["c"], ["a", "b"]));
      // a 2, b 1, c 1; b and c tie, same history; mentions b 2, c 1 → c out.
      expect(noMajority.rounds[0]?.eliminatedId).toBe("c");
      const position = countRanked(options.slice(0, 3), ranked(["a"], ["a"], ["b"], ["c"]));
      // a 2 of 4 is not a majority; b and c tie in votes and mentions → c (the later option) out.
      expect(position.rounds[0]?.eliminatedId).toBe("c");
    });

    it("no ballots: no winner", () => {
      expect(countRanked(options, [])).toEqual({ rounds: [], winnerId: null });
    });
  });
});
