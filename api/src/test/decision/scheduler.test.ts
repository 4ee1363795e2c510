import { decisions, notifications } from "@pratica/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { createJobQueue } from "../../core/job-queue.js";
import { DECISION_SCHEDULER_QUEUE } from "../../modules/decision/decision.scheduler.js";
import { useTestServer } from "../fixture.js";
import { as, buildCast, createDecision, inHours, NOW, READ, VOTE } from "./support.js";

const server = useTestServer({}, undefined, { decisionsClock: () => NOW });
const ask = as(server);
const tick = (at: Date) => server.services.decisionScheduler.tick(at);
const row = async (id: string) => (await server.db.select().from(decisions).where(eq(decisions.id, id)))[0];
const told = (decisionId: string, kind: string) =>
  server.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.decisionId, decisionId), eq(notifications.kind, kind as never)));

describe("the decisions' scheduler (injectable clock)", () => {
  it("opens a due draft and tells the electorate", async () => {
    const c = await buildCast(server);
    const d = await createDecision(server, c.author, {
      communityId: c.community.id,
      title: "Later",
      kind: "CONSENT",
      open: false,
      opensAt: inHours(1).toISOString(),
    });
    expect(d.state).toBe("DRAFT");
    await tick(inHours(0.5));
    expect((await row(d.id))?.state).toBe("DRAFT");
    await tick(inHours(1));
    expect((await row(d.id))?.state).toBe("OPEN");
    const opened = await told(d.id, "DECISION_OPENED");
    expect(opened.map((n) => n.userId).sort()).toEqual([c.facilitator.id, c.member.id, c.other.id, c.author.id].sort());
  });

  it("reminds those who have not voted, once, before closing", async () => {
    const c = await buildCast(server);
    const d = await createDecision(server, c.author, { communityId: c.community.id, title: "Soon", kind: "CONSENT" });
    await ask(c.member, VOTE, { i: { decisionId: d.id, consent: "AGREE" } });
    await tick(inHours(10));
    expect(await told(d.id, "DECISION_REMINDER")).toHaveLength(0);
    await tick(inHours(30));
    await tick(inHours(31));
    const reminded = await told(d.id, "DECISION_REMINDER");
    expect(reminded.map((n) => n.userId).sort()).toEqual([c.facilitator.id, c.other.id, c.author.id].sort());
  });

  it("closes at closesAt; a missed quorum fails (FAIL) or extends once by the original duration (EXTEND_ONCE)", async () => {
    const c = await buildCast(server);
    const fail = await createDecision(server, c.author, {
      communityId: c.community.id,
      title: "Q",
      kind: "CONSENT",
      quorumPercent: 50,
    });
    const extend = await createDecision(server, c.author, {
      communityId: c.community.id,
      title: "Q2",
      kind: "CONSENT",
      quorumPercent: 50,
      quorumMiss: "EXTEND_ONCE",
    });
    const met = await createDecision(server, c.author, {
      communityId: c.community.id,
      title: "Q3",
      kind: "CONSENT",
      quorumPercent: 50,
    });
    await ask(c.member, VOTE, { i: { decisionId: met.id, consent: "AGREE" } });
    await ask(c.other, VOTE, { i: { decisionId: met.id, consent: "AGREE" } });
    await tick(inHours(48));
    expect(await row(fail.id)).toMatchObject({ state: "CLOSED", quorumMet: false });
    expect(await row(met.id)).toMatchObject({ state: "CLOSED", quorumMet: true });
    const extended = await row(extend.id);
    expect(extended).toMatchObject({ state: "OPEN", extendedAt: inHours(48) });
    expect(extended?.closesAt.toISOString()).toBe(inHours(96).toISOString());
    await tick(inHours(96));
    expect(await row(extend.id)).toMatchObject({ state: "CLOSED", quorumMet: false });
    const read = (await ask(c.member, READ, { id: extend.id })).data?.decision;
    expect(read).toMatchObject({ quorumMet: false, extendedAt: inHours(48).toISOString() });
  });

  it("the pg-boss job runs the tick with the injected clock", async () => {
    const c = await buildCast(server);
    const d = await createDecision(server, c.author, { communityId: c.community.id, title: "Job", kind: "CONSENT" });
    // Due by the injected clock: the job closes it when it runs.
    await server.db
      .update(decisions)
      .set({ closesAt: new Date(NOW.getTime() - 1000) })
      .where(eq(decisions.id, d.id));
    const sender = createJobQueue(server.database, { supervise: false, schedule: false });
    await sender.start();
    try {
      await sender.send(DECISION_SCHEDULER_QUEUE, {});
      await vi.waitFor(async () => expect((await row(d.id))?.state).toBe("CLOSED"), { timeout: 20_000, interval: 100 });
    } finally {
      await sender.stop({ graceful: false, close: true, timeout: 5000 });
    }
  });
});
