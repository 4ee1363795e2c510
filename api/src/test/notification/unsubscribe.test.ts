import type { NotificationRow } from "@pratica/db";
import { notifications, users, watches } from "@pratica/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { mutedBy } from "../../modules/notification/subjects.js";
import { signUnsubscribe, verifyUnsubscribe } from "../../modules/notification/unsubscribe-token.js";
import { gql } from "../client.js";
import { addMember, buildCommunity, buildThread, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { useSmtpServer } from "../smtp.js";
import { rawHeader } from "./mail-headers.js";

const SECRET = "unsubscribe-test-signing-secret-of-32-chars";
const ADD = `mutation($i: AddPostInput!) { addPost(input: $i) { id } }`;

const smtp = useSmtpServer();
const server = useTestServer(() => ({
  SMTP_URL: `smtp://127.0.0.1:${smtp.state.port}`,
  MAIL_POLL_SECONDS: "0.5",
  SIGNING_SECRET: SECRET,
}));

const origin = () => new URL(server.url).origin;
const watchRows = (u: TestUser) => server.db.select().from(watches).where(eq(watches.userId, u.id));
const deliveryOf = async (u: TestUser) =>
  (await server.db.select({ d: users.emailDelivery }).from(users).where(eq(users.id, u.id)))[0]?.d;
const oneClick = (url: string, language?: string) =>
  fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(language ? { "accept-language": language } : {}),
    },
    body: "List-Unsubscribe=One-Click",
  });

async function story() {
  const community = await buildCommunity(server.db);
  const [author, replier] = await Promise.all([
    buildUser(server.db, { emailDelivery: "IMMEDIATE", locale: "en" }),
    buildUser(server.db),
  ]);
  for (const u of [author, replier]) await addMember(server.db, community, u);
  const [thread, other] = await Promise.all([
    buildThread(server.db, community, author, { title: `Muted ${community.slug}` }),
    buildThread(server.db, community, author, { title: `Still heard ${community.slug}` }),
  ]);
  return { community, author, replier, thread, other };
}
const reply = (who: TestUser, threadId: string) =>
  gql(server.url, ADD, { i: { threadId, body: "More news" } }, { token: who.token });

describe("what a link names (pure)", () => {
  const ids = {
    user: "11111111-1111-4111-8111-111111111111",
    thread: "22222222-2222-4222-8222-222222222222",
    community: "33333333-3333-4333-8333-333333333333",
    document: "44444444-4444-4444-8444-444444444444",
  };
  const n = (fields: Partial<NotificationRow>) =>
    ({
      kind: "REPLY_TO_THREAD",
      threadId: null,
      deliverableId: null,
      communityId: ids.community,
      ...fields,
    }) as NotificationRow;

  it("mutes the narrowest scope that stops that kind of news", () => {
    expect(mutedBy(n({ threadId: ids.thread }))).toEqual({ scope: "THREAD", id: ids.thread });
    // A new thread is the community's news: muting the new thread would not stop the next one.
    expect(mutedBy(n({ kind: "NEW_THREAD", threadId: ids.thread }))).toEqual({ scope: "COMMUNITY", id: ids.community });
    expect(mutedBy(n({ kind: "AMENDMENT_PROPOSED", deliverableId: ids.document }))).toEqual({
      scope: "DELIVERABLE",
      id: ids.document,
    });
    expect(mutedBy(n({ kind: "RESOURCE_DECIDED" }))).toEqual({ scope: "COMMUNITY", id: ids.community });
  });

  it("a signed token round-trips; any other secret or a changed byte does not", () => {
    const what = { userId: ids.user, scope: "THREAD", id: ids.thread } as const;
    const token = signUnsubscribe(SECRET, what);
    expect(verifyUnsubscribe(SECRET, token)).toEqual(what);
    expect(verifyUnsubscribe(`${SECRET}x`, token)).toBeNull();
    expect(verifyUnsubscribe(SECRET, `A${token.slice(1)}`)).toBeNull();
    expect(verifyUnsubscribe(SECRET, 42)).toBeNull();
    expect(verifyUnsubscribe(SECRET, "a".repeat(1000))).toBeNull();
  });
});

describe("one-click unsubscribe (RFC 8058)", () => {
  it("the emailed link: GET shows a confirmation and changes nothing; POST mutes exactly that thread", async () => {
    const { community, author, replier, thread, other } = await story();
    const arrived = smtp.arrival(`[${community.name}] ${thread.title}`);
    await reply(replier, thread.id);
    const url = rawHeader(await arrived, "List-Unsubscribe").slice(1, -1);

    // What a link scanner or a person clicking does: a page with a button, nothing applied.
    const page = await fetch(url, { headers: { "accept-language": "en" } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Stop these emails?");
    expect(html).toContain('<form method="post" action="/unsubscribe?token=');
    expect(html).toContain("Mute this thread");
    expect(page.headers.get("content-security-policy")).toContain("form-action 'self'");
    expect(await watchRows(author)).toEqual([]);
    const italian = await (await fetch(url, { headers: { "accept-language": "it-IT,it;q=0.9" } })).text();
    expect(italian).toContain("Silenzia questa discussione");
    expect(await watchRows(author)).toEqual([]);

    const done = await oneClick(url);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("This thread is muted.");
    expect((await watchRows(author)).map((w) => [w.scope, w.scopeId, w.level])).toEqual([
      ["THREAD", thread.id, "MUTED"],
    ]);
    // Twice is the same as once.
    expect((await oneClick(url)).status).toBe(200);
    expect(await watchRows(author)).toHaveLength(1);

    // The muted thread tells them nothing more; the other thread still does.
    const stillHeard = smtp.arrival(`[${community.name}] ${other.title}`);
    await reply(replier, thread.id);
    await reply(replier, other.id);
    await stillHeard;
    const rows = await server.db.select().from(notifications).where(eq(notifications.userId, author.id));
    expect(rows.map((n) => n.threadId).sort()).toEqual([thread.id, other.id].sort());
    expect(smtp.received.filter((r) => r.mail.subject === `[${community.name}] ${thread.title}`)).toHaveLength(1);
  });

  it("a digest's link turns notification email off, and only that", async () => {
    const u = await buildUser(server.db, { emailDelivery: "DAILY" });
    const url = `${origin()}/unsubscribe?token=${signUnsubscribe(SECRET, { userId: u.id, scope: "EMAIL" })}`;
    expect((await fetch(url)).status).toBe(200);
    expect(await deliveryOf(u)).toBe("DAILY");
    expect((await oneClick(url)).status).toBe(200);
    expect(await deliveryOf(u)).toBe("NEVER");
    expect(await watchRows(u)).toEqual([]);
  });

  it("a community link mutes that community", async () => {
    const { community, author } = await story();
    const token = signUnsubscribe(SECRET, { userId: author.id, scope: "COMMUNITY", id: community.id });
    expect((await oneClick(`${origin()}/unsubscribe?token=${token}`)).status).toBe(200);
    expect((await watchRows(author)).map((w) => [w.scope, w.scopeId, w.level])).toEqual([
      ["COMMUNITY", community.id, "MUTED"],
    ]);
  });

  it("refuses a tampered, foreign-signed, malformed or missing token with 400 and a clear page, changing nothing", async () => {
    const { author, thread, other } = await story();
    const good = signUnsubscribe(SECRET, { userId: author.id, scope: "THREAD", id: thread.id });
    const [body, mac] = good.split(".") as [string, string];
    const otherBody = signUnsubscribe(SECRET, { userId: author.id, scope: "THREAD", id: other.id }).split(".")[0];
    const bad = [
      `${otherBody}.${mac}`, // another thread under this thread's signature
      `${body}.${flipFirstByte(mac)}`, // a broken signature (a changed byte, not a changed trailing character:
      // the last base64url character carries unused bits, so editing it may decode to the same bytes)
      signUnsubscribe("someone-elses-secret-of-at-least-32-chars", { userId: author.id, scope: "EMAIL" }),
      "not-a-token",
      `${body}`,
      "",
    ];
    for (const token of bad) {
      const url = `${origin()}/unsubscribe?token=${encodeURIComponent(token)}`;
      for (const res of [await fetch(url, { headers: { "accept-language": "en" } }), await oneClick(url, "en")]) {
        expect(res.status).toBe(400);
        expect(await res.text()).toContain("This link does not work");
      }
    }
    expect((await oneClick(`${origin()}/unsubscribe`)).status).toBe(400);
    expect(await watchRows(author)).toEqual([]);
    expect(await deliveryOf(author)).toBe("IMMEDIATE");
  });
});

function flipFirstByte(base64url: string): string {
  const bytes = Buffer.from(base64url, "base64url");
  bytes[0] = (bytes[0] ?? 0) ^ 0xff;
  return bytes.toString("base64url");
}
