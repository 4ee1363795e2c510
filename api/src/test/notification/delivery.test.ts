import { notifications, users } from "@pratica/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { errorCode, gql } from "../client.js";
import { addMember, buildCommunity, buildThread, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { useSmtpServer } from "../smtp.js";
import { rawHeader as header } from "./mail-headers.js";

const ADD = `mutation($i: AddPostInput!) { addPost(input: $i) { id } }`;
const UPDATE = `mutation($i: NotificationSettingsInput!) { updateNotificationSettings(input: $i) {
  emailDelivery timeZone digestHour locale } }`;
const SETTINGS = `query { viewer { id notificationSettings { emailDelivery timeZone digestHour locale } } }`;

const smtp = useSmtpServer();
const server = useTestServer(() => ({
  SMTP_URL: `smtp://127.0.0.1:${smtp.state.port}`,
  MAIL_FROM: "Pratica <no-reply@pratica.test>",
  MAIL_POLL_SECONDS: "0.5",
  SIGNING_SECRET: "delivery-test-signing-secret-of-32-characters",
}));

const settingsOf = async (u: TestUser) =>
  (
    await server.db
      .select({ d: users.emailDelivery, tz: users.timeZone, h: users.digestHour, l: users.locale })
      .from(users)
      .where(eq(users.id, u.id))
  )[0];

async function story(title: string) {
  const community = await buildCommunity(server.db, { name: "Circular economy", nameIt: "Economia circolare" });
  const [author, replier] = await Promise.all([
    buildUser(server.db, { emailDelivery: "IMMEDIATE", locale: "it", displayName: "Anna Rossi" }),
    buildUser(server.db, { displayName: "Marco Bianchi" }),
  ]);
  for (const u of [author, replier]) await addMember(server.db, community, u);
  const thread = await buildThread(server.db, community, author, { title });
  return { community, author, replier, thread };
}

describe("immediate email delivery", () => {
  it("emails a reply at once, in the recipient's language, with List-Id and one-click unsubscribe", async () => {
    const { author, replier, thread } = await story("Riuso dei materiali edili");
    const arrived = smtp.arrival("[Economia circolare] Riuso dei materiali edili");
    const res = await gql(
      server.url,
      ADD,
      { i: { threadId: thread.id, body: "Ho un esempio da Torino." } },
      {
        token: replier.token,
      },
    );
    const postId = res.data?.addPost.id as string;
    const mail = await arrived;

    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : undefined).toBe(author.email);
    expect(mail.text).toContain("Marco Bianchi ha risposto in «Riuso dei materiali edili»");
    expect(mail.text).toContain("Ho un esempio da Torino.");
    expect(mail.html).toContain('<html lang="it">');
    const link = new URL(`/t/${thread.id}#post-${postId}`, server.url).pathname;
    expect(mail.text).toContain(`${link}#post-${postId}`);

    expect(header(mail, "List-Id")).toContain("Pratica notifications <notifications.");
    expect(header(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const unsubscribe = header(mail, "List-Unsubscribe");
    expect(unsubscribe).toMatch(/^<http:\/\/.+\/unsubscribe\?token=[\w-]+\.[\w-]+>$/);
    // The footer offers the same link and the preferences page.
    expect(mail.text).toContain(unsubscribe.slice(1, -1));
    expect(mail.text).toContain("/settings/notifications");

    const [row] = await server.db.select().from(notifications).where(eq(notifications.userId, author.id));
    expect(row?.emailedAt).toBeInstanceOf(Date);
  });

  it("sends nothing at once to members on a digest, never, or unconfirmed; their notifications wait unsent", async () => {
    const { community, author, thread } = await story("Daily people");
    const [daily, never, unconfirmed] = await Promise.all([
      buildUser(server.db, { emailDelivery: "DAILY" }),
      buildUser(server.db, { emailDelivery: "NEVER" }),
      buildUser(server.db, { emailDelivery: "IMMEDIATE", emailVerifiedAt: null }),
    ]);
    for (const u of [daily, never, unconfirmed]) await addMember(server.db, community, u);
    const arrived = smtp.arrival("[Circular economy] Daily people");
    const english = await buildUser(server.db, { emailDelivery: "IMMEDIATE", locale: "en" });
    await addMember(server.db, community, english);
    await gql(
      server.url,
      ADD,
      {
        i: { threadId: thread.id, body: `@${daily.handle} @${never.handle} @${unconfirmed.handle} @${english.handle}` },
      },
      { token: author.token },
    );
    // The English member's mail arriving means the queue sent what this write queued.
    const mail = await arrived;
    expect(mail.text).toContain("mentioned you in “Daily people”");
    const sentTo = smtp.received.flatMap((r) => r.envelopeTo);
    for (const u of [daily, never, unconfirmed]) {
      expect(sentTo).not.toContain(u.email);
      const [row] = await server.db.select().from(notifications).where(eq(notifications.userId, u.id));
      expect(row?.kind).toBe("MENTION");
      expect(row?.emailedAt).toBeNull();
    }
  });
});

describe("updateNotificationSettings and User.notificationSettings", () => {
  it("requires login", async () => {
    expect(errorCode(await gql(server.url, UPDATE, { i: { emailDelivery: "NEVER" } }))).toBe("UNAUTHENTICATED");
  });

  it("refuses an unknown time zone or an hour outside 0–23, naming the field and changing nothing", async () => {
    const u = await buildUser(server.db);
    const before = await settingsOf(u);
    for (const [input, field] of [
      [{ timeZone: "Europe/Atlantis", emailDelivery: "WEEKLY" }, "timeZone"],
      [{ timeZone: "" }, "timeZone"],
      [{ digestHour: 24 }, "digestHour"],
      [{ digestHour: -1, locale: "en" }, "digestHour"],
    ] as const) {
      const res = await gql(server.url, UPDATE, { i: input }, { token: u.token });
      expect(errorCode(res)).toBe("BAD_USER_INPUT");
      expect(res.errors?.[0]?.extensions?.field).toBe(field);
    }
    expect(await settingsOf(u)).toEqual(before);
  });

  it("changes what is given, keeps the rest, and shows the settings to their owner only", async () => {
    const [u, other] = await Promise.all([buildUser(server.db), buildUser(server.db)]);
    expect((await gql(server.url, SETTINGS, {}, { token: u.token })).data?.viewer.notificationSettings).toEqual({
      emailDelivery: "DAILY",
      timeZone: "Europe/Rome",
      digestHour: 8,
      locale: "it",
    });
    const res = await gql(
      server.url,
      UPDATE,
      { i: { emailDelivery: "WEEKLY", timeZone: "America/New_York", digestHour: 18 } },
      { token: u.token },
    );
    expect(res.data?.updateNotificationSettings).toEqual({
      emailDelivery: "WEEKLY",
      timeZone: "America/New_York",
      digestHour: 18,
      locale: "it",
    });
    expect(await settingsOf(u)).toEqual({ d: "WEEKLY", tz: "America/New_York", h: 18, l: "it" });
    // Someone else's user: no settings (a thread's author, say).
    const community = await buildCommunity(server.db);
    await addMember(server.db, community, u);
    const thread = await buildThread(server.db, community, u);
    const seen = await gql(
      server.url,
      `query($id: ID!) { thread(id: $id) { author { id notificationSettings { emailDelivery } } } }`,
      { id: thread.id },
      { token: other.token },
    );
    expect(seen.data?.thread.author).toEqual({ id: u.id, notificationSettings: null });
  });
});
