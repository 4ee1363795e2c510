import { notifications, users } from "@pratica/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type DigestItem, digestEmail, groupDigest } from "../../modules/notification/digest.js";
import { dueSlot, lastSlot } from "../../modules/notification/digest-schedule.js";
import { verifyUnsubscribe } from "../../modules/notification/unsubscribe-token.js";
import { gql } from "../client.js";
import { addMember, buildCommunity, buildThread, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { useSmtpServer } from "../smtp.js";
import { rawHeader } from "./mail-headers.js";

const SECRET = "digest-test-signing-secret-of-32-characters";
const at = (iso: string) => new Date(iso);

describe("when a digest is due (pure)", () => {
  it("the last slot is today's digest hour once it has passed, else yesterday's, in the member's zone", () => {
    // 2026-12-07 is a Monday; Rome is UTC+1 in winter, New York UTC-5.
    expect(lastSlot(at("2026-12-07T07:30:00Z"), "Europe/Rome", 8, false)).toEqual(at("2026-12-07T07:00:00Z"));
    expect(lastSlot(at("2026-12-07T06:59:00Z"), "Europe/Rome", 8, false)).toEqual(at("2026-12-06T07:00:00Z"));
    expect(lastSlot(at("2026-12-07T13:30:00Z"), "America/New_York", 8, false)).toEqual(at("2026-12-07T13:00:00Z"));
    expect(lastSlot(at("2026-12-07T12:30:00Z"), "America/New_York", 8, false)).toEqual(at("2026-12-06T13:00:00Z"));
    // Summer time: Rome is UTC+2.
    expect(lastSlot(at("2026-07-01T06:10:00Z"), "Europe/Rome", 8, false)).toEqual(at("2026-07-01T06:00:00Z"));
    // Midnight and the date line.
    expect(lastSlot(at("2026-12-07T11:30:00Z"), "Pacific/Auckland", 0, false)).toEqual(at("2026-12-07T11:00:00Z"));
  });

  it("weekly digests fall on Mondays", () => {
    expect(lastSlot(at("2026-12-09T10:00:00Z"), "Europe/Rome", 8, true)).toEqual(at("2026-12-07T07:00:00Z"));
    expect(lastSlot(at("2026-12-07T06:00:00Z"), "Europe/Rome", 8, true)).toEqual(at("2026-11-30T07:00:00Z"));
  });

  it("a slot is due once: not after a digest built since it, never for IMMEDIATE or NEVER", () => {
    const member = { emailDelivery: "DAILY", timeZone: "Europe/Rome", digestHour: 8, lastDigestAt: null } as const;
    const now = at("2026-12-07T07:05:00Z");
    expect(dueSlot(member, now)).toEqual(at("2026-12-07T07:00:00Z"));
    expect(dueSlot({ ...member, lastDigestAt: at("2026-12-06T07:02:00Z") }, now)).toEqual(at("2026-12-07T07:00:00Z"));
    expect(dueSlot({ ...member, lastDigestAt: at("2026-12-07T07:01:00Z") }, now)).toBeNull();
    expect(dueSlot({ ...member, emailDelivery: "IMMEDIATE" }, now)).toBeNull();
    expect(dueSlot({ ...member, emailDelivery: "NEVER" }, now)).toBeNull();
  });
});

describe("digest grouping and rendering (pure)", () => {
  const item = (community: string, subject: string, minute: number): DigestItem => ({
    communityId: community,
    community: `Community ${community}`,
    subjectKey: subject,
    title: `Thread ${subject}`,
    url: `https://pratica.test/t/${subject}#${minute}`,
    createdAt: new Date(Date.UTC(2026, 11, 7, 6, minute)),
  });

  it("groups by community then thread, counts the unread, links to the oldest unread", () => {
    const groups = groupDigest([
      item("b", "x", 5),
      item("a", "t", 3),
      item("a", "t", 1),
      item("a", "u", 2),
      item("a", "t", 4),
    ]);
    expect(groups).toEqual([
      {
        community: "Community a",
        subjects: [
          { title: "Thread t", unread: 3, firstUnreadUrl: "https://pratica.test/t/t#1" },
          { title: "Thread u", unread: 1, firstUnreadUrl: "https://pratica.test/t/u#2" },
        ],
      },
      {
        community: "Community b",
        subjects: [{ title: "Thread x", unread: 1, firstUnreadUrl: "https://pratica.test/t/x#5" }],
      },
    ]);
    const links = { notifications: "n", preferences: "p", unsubscribe: "u" };
    const en = digestEmail("en", "DAILY", groups, links);
    expect(en.subject).toBe("Pratica: 5 unread notifications");
    expect(en.paragraphs[0]).toContain("5 unread notifications in 3 conversations");
    expect(en.sections?.[0]?.items[0]).toEqual({
      text: "Thread t",
      url: "https://pratica.test/t/t#1",
      detail: "3 unread",
    });
    const it = digestEmail("it", "WEEKLY", groups, links);
    expect(it.heading).toBe("Il tuo riepilogo della settimana");
    expect(it.sections?.[1]?.items[0]?.detail).toBe("1 non letta");
  });
});

describe("digests, built at an injected time", () => {
  const smtp = useSmtpServer();
  const server = useTestServer(() => ({
    SMTP_URL: `smtp://127.0.0.1:${smtp.state.port}`,
    MAIL_POLL_SECONDS: "0.5",
    SIGNING_SECRET: SECRET,
  }));
  const ADD = `mutation($i: AddPostInput!) { addPost(input: $i) { id } }`;
  const reply = async (who: TestUser, threadId: string) => {
    const res = await gql(server.url, ADD, { i: { threadId, body: "News" } }, { token: who.token });
    return res.data?.addPost.id as string;
  };

  it("each member's digest comes at their hour in their zone, grouped, counted and linked, once", async () => {
    // The last digests went out the day before, after both members' hours.
    const lastDigestAt = at("2030-03-03T14:00:00Z");
    const rome = await buildUser(server.db, { timeZone: "Europe/Rome", digestHour: 8, locale: "it", lastDigestAt });
    const york = await buildUser(server.db, {
      timeZone: "America/New_York",
      digestHour: 8,
      locale: "en",
      lastDigestAt,
    });
    const writer = await buildUser(server.db);
    const benefit = await buildCommunity(server.db, { name: "Benefit corporations", nameIt: "Società benefit" });
    const neet = await buildCommunity(server.db, { name: "NEET", nameIt: "Giovani NEET" });
    for (const c of [benefit, neet]) for (const u of [rome, york, writer]) await addMember(server.db, c, u);
    const t1 = await buildThread(server.db, benefit, rome, { title: "Statuto e impatto" });
    const t2 = await buildThread(server.db, benefit, rome, { title: "Relazione annuale" });
    const t3 = await buildThread(server.db, neet, rome, { title: "Tirocini" });
    const t4 = await buildThread(server.db, benefit, york, { title: "Impact report" });
    const first = await reply(writer, t1.id);
    await reply(writer, t1.id);
    await reply(writer, t1.id);
    const readOne = await reply(writer, t2.id);
    const t2Unread = await reply(writer, t2.id);
    await reply(writer, t3.id);
    await reply(writer, t4.id);
    // Read in the app: not in the digest.
    await server.db.update(notifications).set({ readAt: new Date() }).where(eq(notifications.postId, readOne));

    // 07:30 in Rome, 01:30 in New York: nobody's hour yet.
    expect(await server.services.digest.run(at("2030-03-04T06:30:00Z"))).toMatchObject({ digests: 0 });

    // 08:05 in Rome.
    const arrived = smtp.arrival("Pratica: 5 notifiche non lette");
    expect(await server.services.digest.run(at("2030-03-04T07:05:00Z"))).toMatchObject({
      digests: 1,
      notifications: 5,
    });
    const mail = await arrived;
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : undefined).toBe(rome.email);
    const text = mail.text ?? "";
    expect(text).toContain("Il tuo riepilogo del giorno");
    expect(text).toContain("Hai 5 notifiche non lette in 3 conversazioni.");
    // Grouped by community (in Italian), one line per thread with its count and its first unread post.
    // Links start with the server's own address (no PUBLIC_ORIGIN here).
    const origin = `http://localhost:${new URL(server.url).port}`;
    expect(text).toContain(
      `Società benefit\n---------------\n- Statuto e impatto (3 non lette)\n  ${origin}/t/${t1.id}#post-${first}\n- Relazione annuale (1 non letta)\n  ${origin}/t/${t2.id}#post-${t2Unread}\n`,
    );
    expect(text).toContain(`Giovani NEET\n------------\n- Tirocini (1 non letta)\n  ${origin}/t/${t3.id}#post-`);
    expect(mail.html).toContain(`href="${origin}/t/${t1.id}#post-${first}"`);
    expect(rawHeader(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const token = new URL(rawHeader(mail, "List-Unsubscribe").slice(1, -1)).searchParams.get("token");
    expect(verifyUnsubscribe(SECRET, token)).toEqual({ userId: rome.id, scope: "EMAIL" });
    // The link opens the thread page.
    expect((await fetch(`${origin}/t/${t1.id}`)).status).toBe(200);

    const romeRows = await server.db.select().from(notifications).where(eq(notifications.userId, rome.id));
    expect(romeRows.filter((n) => n.emailedAt).length).toBe(5);
    expect(romeRows.find((n) => n.postId === readOne)?.emailedAt).toBeNull();
    const [romeUser] = await server.db.select().from(users).where(eq(users.id, rome.id));
    expect(romeUser?.lastDigestAt).toEqual(at("2030-03-04T07:05:00Z"));

    // Run again in the same hour (another instance, a retry): nothing is sent twice.
    expect(await server.services.digest.run(at("2030-03-04T07:10:00Z"))).toMatchObject({ digests: 0 });

    // 08:05 in New York.
    const english = smtp.arrival("Pratica: 1 unread notification");
    expect(await server.services.digest.run(at("2030-03-04T13:05:00Z"))).toMatchObject({
      digests: 1,
      notifications: 1,
    });
    const yorkMail = await english;
    expect(yorkMail.text).toContain(
      `Benefit corporations\n--------------------\n- Impact report (1 unread)\n  ${origin}/t/${t4.id}#post-`,
    );
    expect(smtp.received.filter((r) => r.envelopeTo.includes(rome.email))).toHaveLength(1);
  });
  it.runIf(process.env.TEST_DB === "postgres")(
    "two runs at once (two instances, a retried job) build each member's digest once",
    async () => {
      const members = await Promise.all(
        Array.from({ length: 6 }, () => buildUser(server.db, { lastDigestAt: at("2031-01-05T12:00:00Z") })),
      );
      const writer = await buildUser(server.db);
      const community = await buildCommunity(server.db);
      for (const u of [...members, writer]) await addMember(server.db, community, u);
      for (const u of members) {
        const t = await buildThread(server.db, community, u, { title: `Race ${u.handle}` });
        await reply(writer, t.id);
      }
      const now = at("2031-01-06T07:30:00Z");
      const [a, b] = await Promise.all([server.services.digest.run(now), server.services.digest.run(now)]);
      expect(a.digests + b.digests).toBe(members.length);
      for (const u of members) {
        const rows = await server.db.select().from(notifications).where(eq(notifications.userId, u.id));
        expect(rows.every((n) => n.emailedAt?.getTime() === now.getTime())).toBe(true);
      }
    },
  );
});
