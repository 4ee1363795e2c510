import { describe, expect, it } from "vitest";
import { errorCode } from "../client.js";
import { useTestServer } from "../fixture.js";
import { as, buildCast, createDecision, inHours, NOW, READ, VOTE } from "./support.js";

const server = useTestServer({}, undefined, { decisionsClock: () => NOW });
const ask = as(server);
const opts = (...labels: string[]) => labels.map((label) => ({ label }));

describe("each kind: the vote and the result", () => {
  it("consent: positions counted, a block needs a reason, a vote changes while open", async () => {
    const c = await buildCast(server);
    const d = await createDecision(server, c.author, {
      communityId: c.community.id,
      title: "Adopt the guide",
      kind: "CONSENT",
    });
    expect(d.state).toBe("OPEN");
    const block = await ask(c.member, VOTE, { i: { decisionId: d.id, consent: "BLOCK" } });
    expect(errorCode(block)).toBe("BAD_USER_INPUT");
    expect(block.errors?.[0]?.extensions?.field).toBe("reason");
    expect(
      (await ask(c.member, VOTE, { i: { decisionId: d.id, consent: "BLOCK", reason: "Not yet" } })).errors,
    ).toBeUndefined();
    expect((await ask(c.member, VOTE, { i: { decisionId: d.id, consent: "AGREE" } })).errors).toBeUndefined();
    expect((await ask(c.other, VOTE, { i: { decisionId: d.id, consent: "DISAGREE" } })).errors).toBeUndefined();
    expect((await ask(c.author, VOTE, { i: { decisionId: d.id, consent: "AGREE" } })).errors).toBeUndefined();
    const read = (await ask(c.member, READ, { id: d.id })).data?.decision;
    expect(read.results.consent).toEqual({ agree: 2, abstain: 0, disagree: 1, block: 0, blocked: false, passed: true });
    expect(read.participation).toEqual({ voted: 3, eligible: 4, percent: 75 });
    expect(read.viewerVote.consent).toBe("AGREE");
    expect(read.votes).toHaveLength(3);
  });

  it("sense check", async () => {
    const c = await buildCast(server);
    const d = await createDecision(server, c.author, {
      communityId: c.community.id,
      title: "Feel",
      kind: "SENSE_CHECK",
    });
    await ask(c.member, VOTE, { i: { decisionId: d.id, senseCheck: "UNSURE" } });
    const wrong = await ask(c.other, VOTE, { i: { decisionId: d.id, consent: "AGREE" } });
    expect(wrong.errors?.[0]?.extensions?.field).toBe("senseCheck");
    expect((await ask(c.member, READ, { id: d.id })).data?.decision.results.senseCheck).toEqual({
      agree: 0,
      unsure: 1,
      disagree: 0,
    });
  });

  it("single and multiple choice (maxChoices)", async () => {
    const c = await buildCast(server);
    const single = await createDecision(server, c.author, {
      communityId: c.community.id,
      title: "Pick",
      kind: "SINGLE_CHOICE",
      options: opts("A", "B"),
    });
    const [a, b] = single.options;
    const two = await ask(c.member, VOTE, { i: { decisionId: single.id, optionIds: [a.id, b.id] } });
    expect(two.errors?.[0]?.extensions?.field).toBe("optionIds");
    await ask(c.member, VOTE, { i: { decisionId: single.id, optionIds: [b.id] } });
    await ask(c.other, VOTE, { i: { decisionId: single.id, optionIds: [b.id] } });
    const r = (await ask(c.member, READ, { id: single.id })).data?.decision.results;
    expect(r.totals.map((t: { count: number }) => t.count)).toEqual([0, 2]);
    expect(r.leadingOptionId).toBe(b.id);

    const multi = await createDecision(server, c.author, {
      communityId: c.community.id,
      title: "Pick some",
      kind: "MULTIPLE_CHOICE",
      options: opts("A", "B", "C"),
      maxChoices: 2,
    });
    const ids = multi.options.map((o: { id: string }) => o.id);
    const three = await ask(c.member, VOTE, { i: { decisionId: multi.id, optionIds: ids } });
    expect(three.errors?.[0]?.extensions?.field).toBe("optionIds");
    const foreign = await ask(c.member, VOTE, { i: { decisionId: multi.id, optionIds: [a.id] } });
    expect(foreign.errors?.[0]?.extensions?.field).toBe("optionIds");
    await ask(c.member, VOTE, { i: { decisionId: multi.id, optionIds: [ids[0], ids[2]] } });
    const m = (await ask(c.member, READ, { id: multi.id })).data?.decision.results;
    expect(m.totals.map((t: { count: number }) => t.count)).toEqual([1, 0, 1]);
  });

  it("score, ranked choice and dot vote", async () => {
    const c = await buildCast(server);
    const score = await createDecision(server, c.author, {
      communityId: c.community.id,
      title: "Rate",
      kind: "SCORE",
      options: opts("A", "B"),
    });
    const [sa, sb] = score.options;
    const bad = await ask(c.member, VOTE, { i: { decisionId: score.id, scores: [{ optionId: sa.id, score: 6 }] } });
    expect(errorCode(bad)).toBe("BAD_USER_INPUT");
    await ask(c.member, VOTE, {
      i: {
        decisionId: score.id,
        scores: [
          { optionId: sa.id, score: 5 },
          { optionId: sb.id, score: 1 },
        ],
      },
    });
    await ask(c.other, VOTE, { i: { decisionId: score.id, scores: [{ optionId: sa.id, score: 2 }] } });
    const s = (await ask(c.member, READ, { id: score.id })).data?.decision.results;
    expect(s.totals[0]).toMatchObject({ count: 2, mean: 3.5, median: 3.5 });
    expect(s.leadingOptionId).toBe(sa.id);

    const rank = await createDecision(server, c.author, {
      communityId: c.community.id,
      title: "Rank",
      kind: "RANKED_CHOICE",
      options: opts("A", "B", "C"),
    });
    const [ra, rb, rc] = rank.options.map((o: { id: string }) => o.id);
    await ask(c.member, VOTE, { i: { decisionId: rank.id, ranking: [ra, rb] } });
    await ask(c.other, VOTE, { i: { decisionId: rank.id, ranking: [rb] } });
    await ask(c.author, VOTE, { i: { decisionId: rank.id, ranking: [rc, rb] } });
    const dup = await ask(c.facilitator, VOTE, { i: { decisionId: rank.id, ranking: [ra, ra] } });
    expect(dup.errors?.[0]?.extensions?.field).toBe("ranking");
    const rr = (await ask(c.member, READ, { id: rank.id })).data?.decision.results.ranked;
    expect(rr.rounds[0].eliminatedId).toBe(rc);
    expect(rr.winnerId).toBe(rb);

    const dots = await createDecision(server, c.author, {
      communityId: c.community.id,
      title: "Dots",
      kind: "DOT_VOTE",
      options: opts("A", "B"),
      dotsPerVoter: 5,
    });
    const [da, db] = dots.options;
    const tooMany = await ask(c.member, VOTE, {
      i: {
        decisionId: dots.id,
        dots: [
          { optionId: da.id, dots: 4 },
          { optionId: db.id, dots: 2 },
        ],
      },
    });
    expect(tooMany.errors?.[0]?.extensions?.field).toBe("dots");
    await ask(c.member, VOTE, {
      i: {
        decisionId: dots.id,
        dots: [
          { optionId: da.id, dots: 3 },
          { optionId: db.id, dots: 2 },
        ],
      },
    });
    await ask(c.other, VOTE, { i: { decisionId: dots.id, dots: [{ optionId: db.id, dots: 5 }] } });
    const dr = (await ask(c.member, READ, { id: dots.id })).data?.decision.results;
    expect(dr.totals.map((t: { dots: number }) => t.dots)).toEqual([3, 7]);
    expect(dr.leadingOptionId).toBe(db.id);
  });

  it("time poll: who can attend each time, the best time", async () => {
    const c = await buildCast(server);
    const times = [
      { label: "Monday", startsAt: inHours(72).toISOString(), endsAt: inHours(73).toISOString() },
      { label: "Tuesday", startsAt: inHours(96).toISOString(), endsAt: inHours(97).toISOString() },
    ];
    const poll = await createDecision(server, c.author, {
      communityId: c.community.id,
      title: "When",
      kind: "TIME_POLL",
      options: times,
    });
    const [mon, tue] = poll.options;
    await ask(c.member, VOTE, { i: { decisionId: poll.id, optionIds: [mon.id, tue.id] } });
    await ask(c.other, VOTE, { i: { decisionId: poll.id, optionIds: [tue.id] } });
    const r = (await ask(c.member, READ, { id: poll.id })).data?.decision.results;
    expect(r.totals[1].voterIds.sort()).toEqual([c.member.id, c.other.id].sort());
    expect(r.leadingOptionId).toBe(tue.id);
  });
});
