import { votes } from "@pratica/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { refusedUnchanged } from "../admin/support.js";
import { useTestServer } from "../fixture.js";
import { as, buildAlliance, buildCast, createDecision, NOW, READ, TABLES, VOTE } from "./support.js";

const server = useTestServer({}, undefined, { decisionsClock: () => NOW });
const ask = as(server);

describe("one vote per organisation", () => {
  it("refuses a non-representative, a withdrawn organisation's representative, a missing organisation; changing nothing", async () => {
    const c = await buildCast(server);
    const a = await buildAlliance(server, c);
    const d = await createDecision(server, c.author, {
      communityId: c.community.id,
      title: "Sign",
      kind: "CONSENT",
      electorate: "ORGANIZATIONS",
    });
    const vote = (org: string | undefined) => ({ i: { decisionId: d.id, organizationId: org, consent: "AGREE" } });
    await refusedUnchanged(server.db, TABLES, () => ask(a.colleague, VOTE, vote(a.orgA.id)), "FORBIDDEN");
    await refusedUnchanged(server.db, TABLES, () => ask(a.repB, VOTE, vote(a.orgA.id)), "FORBIDDEN");
    await refusedUnchanged(server.db, TABLES, () => ask(a.repWithdrawn, VOTE, vote(a.withdrawn.id)), "FORBIDDEN");
    await refusedUnchanged(
      server.db,
      TABLES,
      () => ask(c.member, VOTE, vote(undefined)),
      "BAD_USER_INPUT",
      "organizationId",
    );
    await refusedUnchanged(server.db, TABLES, () => ask(undefined, VOTE, vote(a.orgA.id)), "UNAUTHENTICATED");
    const read = (await ask(a.colleague, READ, { id: d.id })).data?.decision;
    expect(read.viewerCanVote).toBe(false);
    expect(read.participation.eligible).toBe(2);
  });

  it("two representatives → one vote, the last counts, both see it", async () => {
    const c = await buildCast(server);
    const a = await buildAlliance(server, c);
    const d = await createDecision(server, c.author, {
      communityId: c.community.id,
      title: "Sign",
      kind: "CONSENT",
      electorate: "ORGANIZATIONS",
    });
    const first = await ask(a.repA1, VOTE, { i: { decisionId: d.id, organizationId: a.orgA.id, consent: "DISAGREE" } });
    expect(first.errors).toBeUndefined();
    const last = await ask(a.repA2, VOTE, { i: { decisionId: d.id, organizationId: a.orgA.id, consent: "AGREE" } });
    expect(last.data?.castVote).toMatchObject({
      consent: "AGREE",
      voter: { id: a.repA2.id },
      organization: { id: a.orgA.id },
    });
    const rows = await server.db.select().from(votes).where(eq(votes.decisionId, d.id));
    expect(rows).toHaveLength(1);
    for (const rep of [a.repA1, a.repA2]) {
      const read = (await ask(rep, READ, { id: d.id })).data?.decision;
      expect(read.viewerVote).toMatchObject({ consent: "AGREE", organization: { id: a.orgA.id } });
      expect(read.viewerVotesFor).toEqual([{ id: a.orgA.id }]);
      expect(read.results.consent.agree).toBe(1);
      expect(read.participation).toEqual({ voted: 1, eligible: 2, percent: 50 });
    }
  });

  it.runIf(process.env.TEST_DB === "postgres")("two representatives at once: one vote row, one of theirs", async () => {
    const c = await buildCast(server);
    const a = await buildAlliance(server, c);
    const d = await createDecision(server, c.author, {
      communityId: c.community.id,
      title: "Race",
      kind: "CONSENT",
      electorate: "ORGANIZATIONS",
    });
    const results = await Promise.all([
      ask(a.repA1, VOTE, { i: { decisionId: d.id, organizationId: a.orgA.id, consent: "DISAGREE" } }),
      ask(a.repA2, VOTE, { i: { decisionId: d.id, organizationId: a.orgA.id, consent: "AGREE" } }),
    ]);
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
    const rows = await server.db.select().from(votes).where(eq(votes.decisionId, d.id));
    expect(rows).toHaveLength(1);
    expect([a.repA1.id, a.repA2.id]).toContain(rows[0]?.voterId);
  });
});
