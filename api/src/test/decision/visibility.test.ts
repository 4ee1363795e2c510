import { notifications } from "@pratica/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildThread } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { collect } from "../live.js";
import { as, buildCast, CLOSE, createDecision, NOW, READ, VOTE } from "./support.js";

const server = useTestServer({}, undefined, { decisionsClock: () => NOW });
const ask = as(server);
const EDGES = `query($t: ID!) { thread(id: $t) { decisions { id results { ballots } votes { voter { id } } } } }`;
const LIVE = `subscription($id: ID!) { decisionEvents(decisionId: $id) {
  __typename ... on VoteCast { decision { id participation { voted } } results { ballots } }
  ... on DecisionChanged { decision { id state } } } }`;

/** A live event as the test reads it: only what it asserts on. */
type DecisionEvents = { decisionEvents: Record<string, unknown> };

describe("hidden and anonymous results", () => {
  it("AFTER_VOTE: hidden until the viewer voted; AFTER_CLOSE: hidden until it closed", async () => {
    const c = await buildCast(server);
    const afterVote = await createDecision(server, c.author, {
      communityId: c.community.id,
      title: "H",
      kind: "CONSENT",
      resultsVisibility: "AFTER_VOTE",
    });
    await ask(c.member, VOTE, { i: { decisionId: afterVote.id, consent: "AGREE" } });
    const before = (await ask(c.other, READ, { id: afterVote.id })).data?.decision;
    expect(before).toMatchObject({ results: null, votes: null });
    expect(before.participation.voted).toBe(1);
    const mine = (await ask(c.member, READ, { id: afterVote.id })).data?.decision;
    expect(mine.results.consent.agree).toBe(1);
    expect(mine.votes).toHaveLength(1);

    const afterClose = await createDecision(server, c.author, {
      communityId: c.community.id,
      title: "H2",
      kind: "CONSENT",
      resultsVisibility: "AFTER_CLOSE",
    });
    await ask(c.member, VOTE, { i: { decisionId: afterClose.id, consent: "AGREE" } });
    for (const who of [c.member, c.author, c.admin, undefined]) {
      expect((await ask(who, READ, { id: afterClose.id })).data?.decision.results).toBeNull();
    }
    const fresh = (await ask(c.author, READ, { id: afterClose.id })).data?.decision;
    await ask(c.author, CLOSE, { i: { decisionId: afterClose.id, expectedVersion: fresh.version } });
    expect((await ask(c.other, READ, { id: afterClose.id })).data?.decision.results.consent.agree).toBe(1);
  });

  it("anonymous: no voter and no votes for anyone, admins included, along every edge", async () => {
    const c = await buildCast(server);
    const thread = await buildThread(server.db, c.community, c.author);
    const d = await createDecision(server, c.author, {
      threadId: thread.id,
      title: "Secret",
      kind: "SINGLE_CHOICE",
      anonymous: true,
      options: [{ label: "A" }, { label: "B" }],
    });
    const vote = await ask(c.member, VOTE, { i: { decisionId: d.id, optionIds: [d.options[0].id] } });
    expect(vote.data?.castVote.voter).toBeNull();
    for (const who of [c.member, c.admin, c.facilitator, c.author]) {
      const read = (await ask(who, READ, { id: d.id })).data?.decision;
      expect(read.votes).toBeNull();
      expect(read.results.ballots).toBe(1);
      if (read.viewerVote) expect(read.viewerVote.voter).toBeNull();
      const edge = (await ask(who, EDGES, { t: thread.id })).data?.thread.decisions;
      expect(edge).toEqual([{ id: d.id, results: { ballots: 1 }, votes: null }]);
    }
  });

  it("a members-only community's decision is read by its members only, along every edge", async () => {
    const c = await buildCast(server, "MEMBERS");
    const thread = await buildThread(server.db, c.community, c.author);
    const d = await createDecision(server, c.author, { threadId: thread.id, title: "Inside", kind: "CONSENT" });
    expect((await ask(c.outsider, READ, { id: d.id })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await ask(undefined, READ, { id: d.id })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await ask(c.member, READ, { id: d.id })).data?.decision.id).toBe(d.id);
    const opened = await server.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.decisionId, d.id), eq(notifications.userId, c.member.id)));
    expect(opened.map((n) => n.kind)).toEqual(["DECISION_OPENED"]);
    const inbox = `query { notifications(first: 50) { edges { node { id decision { id } } } } }`;
    const mine = await ask(c.member, inbox);
    const nodes = (mine.data?.notifications.edges ?? []).map((e: { node: unknown }) => e.node);
    expect(nodes).toContainEqual({ id: opened[0]?.id, decision: { id: d.id } });
  });
});

describe("live results", () => {
  it("VoteCast carries the results to a subscriber allowed to see them, none to a hidden one", async () => {
    const c = await buildCast(server);
    const d = await createDecision(server, c.author, {
      communityId: c.community.id,
      title: "Live",
      kind: "CONSENT",
      resultsVisibility: "AFTER_VOTE",
    });
    await ask(c.member, VOTE, { i: { decisionId: d.id, consent: "AGREE" } });
    const ready = [server.subscribed("decision", d.id), server.subscribed("decision", d.id)];
    const allowed = collect<DecisionEvents>(server.socketFor(c.member), LIVE, { id: d.id });
    const hidden = collect<DecisionEvents>(server.socketFor(c.other), LIVE, { id: d.id });
    await Promise.all(ready);
    await ask(c.author, VOTE, { i: { decisionId: d.id, consent: "DISAGREE" } });
    const [seen] = await allowed.until((x) => x.length >= 1);
    const [blind] = await hidden.until((x) => x.length >= 1);
    expect(seen?.decisionEvents).toMatchObject({
      __typename: "VoteCast",
      results: { ballots: 2 },
      decision: { participation: { voted: 2 } },
    });
    expect(blind?.decisionEvents).toMatchObject({ __typename: "VoteCast", results: null });
    allowed.stop();
    hidden.stop();
  });
});
