import { fundingCallFollows, fundingCalls, notifications } from "@pratica/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createFundingCall } from "../factories/funding-call.js";
import { buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { useSmtpServer } from "../smtp.js";
import { clock, DAY, hooks, NOW, request } from "./support.js";

const smtp = useSmtpServer();
const server = useTestServer(
  () => ({
    SMTP_URL: `smtp://127.0.0.1:${smtp.state.port}`,
    MAIL_FROM: "Pratica <no-reply@pratica.test>",
    MAIL_POLL_SECONDS: "0.5",
    SIGNING_SECRET: "funding-calls-test-signing-secret-32-chars!",
  }),
  undefined,
  hooks,
);
const send = request(() => server.url);
const FOLLOW = `mutation($id: ID!) { followFundingCall(id: $id) { id } }`;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);
const sweep = (now: Date) => server.services.fundingCallReminders.sweep(now);
const closingNews = (callId: string) =>
  server.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.fundingCallId, callId), eq(notifications.kind, "FUNDING_CALL_CLOSING")));

describe("closing reminders", () => {
  it("followers are reminded once per deadline, by email in their language; a moved deadline reminds again", async () => {
    const call = await createFundingCall(server.db, { title: "Social economy missions", deadlineAt: at(20) });
    const italian = await buildUser(server.db, { emailDelivery: "IMMEDIATE", locale: "it" });
    const english = await buildUser(server.db, { emailDelivery: "IMMEDIATE", locale: "en" });
    for (const u of [italian, english]) await send(u, FOLLOW, { id: call.id });

    // 20 days out: not yet.
    expect((await sweep(NOW)).reminded).toBe(0);
    expect(await closingNews(call.id)).toHaveLength(0);

    // 13 days out: both, once.
    clock.now = at(7);
    expect((await sweep(clock.now)).reminded).toBe(2);
    expect((await sweep(clock.now)).reminded).toBe(0);
    const news = await closingNews(call.id);
    expect(news.map((n) => n.userId).sort()).toEqual([italian.id, english.id].sort());
    const it = await smtp.mailTo(italian.email);
    expect(it.text).toContain("«Social economy missions» si chiude tra 14 giorni");
    expect(it.text).toContain(`/hub/calls/${call.id}`);
    const en = await smtp.mailTo(english.email);
    expect(en.text).toContain("“Social economy missions” closes in 14 days");
    const NEWS = `{ notifications(first: 5) { edges { node { kind fundingCall { id title } } } } }`;
    const inbox = await send(english, NEWS);
    expect(inbox.data?.notifications.edges[0].node).toEqual({
      kind: "FUNDING_CALL_CLOSING",
      fundingCall: { id: call.id, title: "Social economy missions" },
    });

    // The source moves the deadline: a new reminder when the new one comes near.
    await server.db
      .update(fundingCalls)
      .set({ deadlineAt: at(30) })
      .where(eq(fundingCalls.id, call.id));
    expect((await sweep(clock.now)).reminded).toBe(0);
    clock.now = at(17);
    expect((await sweep(clock.now)).reminded).toBe(2);
    expect(await closingNews(call.id)).toHaveLength(4);
    clock.now = NOW;
  });

  it("no reminder for an archived, closed or passed call, nor for those who unfollowed", async () => {
    const archived = await createFundingCall(server.db, { deadlineAt: at(5), archivedAt: NOW });
    const closed = await createFundingCall(server.db, { deadlineAt: at(5), status: "CLOSED" });
    const passed = await createFundingCall(server.db, { deadlineAt: at(-1) });
    const left = await createFundingCall(server.db, { deadlineAt: at(5) });
    const follower = await buildUser(server.db);
    for (const c of [archived, closed, passed, left]) await send(follower, FOLLOW, { id: c.id });
    await send(follower, `mutation($id: ID!) { unfollowFundingCall(id: $id) { id } }`, { id: left.id });
    await sweep(NOW);
    for (const c of [archived, closed, passed, left]) expect(await closingNews(c.id)).toHaveLength(0);
    const [row] = await server.db
      .select()
      .from(fundingCallFollows)
      .where(and(eq(fundingCallFollows.callId, closed.id), eq(fundingCallFollows.userId, follower.id)));
    expect(row?.remindedForDeadline).toBeNull();
  });
});
