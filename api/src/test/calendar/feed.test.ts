import { calendarFeeds, communities, communityMemberships } from "@pratica/db";
import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FEED_RESETS_PER_HOUR } from "../../modules/calendar/feed.limiter.js";
import { errorCode } from "../client.js";
import {
  buildCast,
  buildEvent,
  CANCEL,
  CANCEL_REGISTRATION,
  type Cast,
  CLAIM,
  clock,
  HOUR,
  hooks,
  NOW,
  REGISTER,
  request,
} from "../events/support.js";
import { addMember, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { calendarOf, fetchFrom } from "./support.js";

// The personal feed: its URL (GraphQL) and GET /calendar/<token>.ics.

const server = useTestServer({}, undefined, hooks);
const send = request(() => server.url);
const get = fetchFrom(() => server.url);
let cast: Cast;
beforeAll(async () => {
  cast = await buildCast(server.db);
});
beforeEach(() => {
  clock.now = NOW;
});

const URL_QUERY = "{ calendarFeedUrl }";
const RESET = "mutation { resetCalendarFeed }";
const feedRow = async (userId: string) =>
  (await server.db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, userId)))[0];
const pathOf = (url: string) => new URL(url).pathname;

async function member(): Promise<TestUser> {
  const user = await buildUser(server.db);
  await addMember(server.db, cast.community, user);
  return user;
}

async function reset(user: TestUser): Promise<string> {
  const res = await send(user, RESET);
  expect(res.errors).toBeUndefined();
  return res.data?.resetCalendarFeed as string;
}

describe("the feed's URL", () => {
  it("needs a login: calendarFeedUrl and resetCalendarFeed refuse anonymous callers, storing nothing", async () => {
    const before = await server.db.select().from(calendarFeeds);
    expect(errorCode(await send(undefined, URL_QUERY))).toBe("UNAUTHENTICATED");
    expect(errorCode(await send(undefined, RESET))).toBe("UNAUTHENTICATED");
    expect(await server.db.select().from(calendarFeeds)).toEqual(before);
  });

  it("an unconfirmed account makes none (the write gate), and nothing is stored", async () => {
    expect(errorCode(await send(cast.unconfirmed, RESET))).toBe("FORBIDDEN");
    expect(await feedRow(cast.unconfirmed.id)).toBeUndefined();
  });

  it("null until made; then the same absolute URL on PUBLIC_ORIGIN, its token stored only hashed", async () => {
    const user = await member();
    expect((await send(user, URL_QUERY)).data?.calendarFeedUrl).toBeNull();
    const url = await reset(user);
    expect(url.startsWith(server.services.mail.url("/"))).toBe(true);
    expect(pathOf(url)).toMatch(/^\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect((await send(user, URL_QUERY)).data?.calendarFeedUrl).toBe(url);
    const token = pathOf(url).slice("/calendar/".length, -".ics".length);
    const row = await feedRow(user.id);
    expect(row?.tokenHash).toBeDefined();
    expect(row?.tokenHash).not.toContain(token);
    // Another member's URL is theirs alone.
    const other = await member();
    expect(await reset(other)).not.toBe(url);
  });

  it("a reset revokes the old URL at once; unknown and malformed tokens are 404", async () => {
    const user = await member();
    const old = await reset(user);
    expect((await get(pathOf(old))).status).toBe(200);
    const fresh = await reset(user);
    expect(fresh).not.toBe(old);
    expect((await get(pathOf(old))).status).toBe(404);
    expect((await get(pathOf(fresh))).status).toBe(200);
    expect((await send(user, URL_QUERY)).data?.calendarFeedUrl).toBe(fresh);
    expect((await get(`/calendar/${"A".repeat(43)}.ics`)).status).toBe(404);
    expect((await get("/calendar/nonsense.ics")).status).toBe(404);
    expect((await get(`${pathOf(fresh).slice(0, -4)}.txt`)).status).toBe(404);
  });

  it(`rate-limited: ${FEED_RESETS_PER_HOUR} resets an hour, then RATE_LIMITED with the URL unchanged`, async () => {
    const user = await member();
    let last = "";
    for (let i = 0; i < FEED_RESETS_PER_HOUR; i++) last = await reset(user);
    const before = await feedRow(user.id);
    const refused = await send(user, RESET);
    expect(errorCode(refused)).toBe("RATE_LIMITED");
    expect(await feedRow(user.id)).toEqual(before);
    expect((await get(pathOf(last))).status).toBe(200);
  });
});

describe("the feed", () => {
  it("lists exactly the owner's registrations: confirmed with the link, waitlisted tentative, cancelled events as cancelled", async () => {
    const owner = await member();
    const someoneElse = await member();
    const confirmed = await buildEvent(server.db, cast, { title: "Confirmed one" });
    const full = await buildEvent(server.db, cast, { title: "Full one", capacity: 1 });
    const left = await buildEvent(server.db, cast, { title: "Left one" });
    const others = await buildEvent(server.db, cast, { title: "Not mine" });
    const called = await buildEvent(server.db, cast, { title: "Called off" });
    expect((await send(owner, REGISTER, { id: confirmed.id })).data?.registerForEvent.status).toBe("CONFIRMED");
    expect((await send(someoneElse, REGISTER, { id: full.id })).data?.registerForEvent.status).toBe("CONFIRMED");
    expect((await send(owner, REGISTER, { id: full.id })).data?.registerForEvent.status).toBe("WAITLISTED");
    await send(owner, REGISTER, { id: left.id });
    expect((await send(owner, CANCEL_REGISTRATION, { id: left.id })).data?.cancelRegistration.status).toBe("CANCELLED");
    await send(someoneElse, REGISTER, { id: others.id });
    await send(owner, REGISTER, { id: called.id });
    const cancelled = await send(cast.facilitator, CANCEL, {
      i: { eventId: called.id, expectedVersion: called.version, reason: "Rain." },
    });
    expect(cancelled.errors).toBeUndefined();

    const url = await reset(owner);
    const res = await get(`${pathOf(url)}?lang=en`);
    expect(res.headers.get("cache-control")).toBe("private, no-cache");
    const cal = await calendarOf(res);
    expect(cal.method).toBe("PUBLISH");
    expect(cal.name).toBe("Pratica — my events");
    const origin = server.services.mail.url("/");
    const byUid = new Map(cal.entries.map((e) => [e.uid, e]));
    const uid = (id: string) => `${id}@${new URL(origin).host}`;
    expect([...byUid.keys()].sort()).toEqual([confirmed.id, full.id, called.id].map(uid).sort());
    expect(byUid.get(uid(confirmed.id))?.status).toBe("CONFIRMED");
    expect(byUid.get(uid(confirmed.id))?.description).toContain("https://meet.example.org/impact");
    expect(byUid.get(uid(confirmed.id))?.start.toISOString()).toBe(confirmed.startsAt.toISOString());
    expect(byUid.get(uid(full.id))?.status).toBe("TENTATIVE");
    expect(byUid.get(uid(full.id))?.description).not.toContain("meet.example.org");
    expect(byUid.get(uid(called.id))?.status).toBe("CANCELLED");
    expect(byUid.get(uid(called.id))?.sequence).toBe(cancelled.data?.cancelEvent.sequence);

    // An unchanged feed answers 304 to a calendar app that polls with its ETag.
    const etag = res.headers.get("etag") as string;
    expect((await get(`${pathOf(url)}?lang=en`, undefined, { "if-none-match": etag })).status).toBe(304);
  });

  it("an offered seat is tentative without the link; once claimed, confirmed with it", async () => {
    const owner = await member();
    const holder = await member();
    const event = await buildEvent(server.db, cast, { capacity: 1 });
    await send(holder, REGISTER, { id: event.id });
    expect((await send(owner, REGISTER, { id: event.id })).data?.registerForEvent.status).toBe("WAITLISTED");
    await send(holder, CANCEL_REGISTRATION, { id: event.id });
    const url = pathOf(await reset(owner));
    const offered = await calendarOf(await get(url));
    expect(offered.entries.map((e) => e.status)).toEqual(["TENTATIVE"]);
    expect(offered.text).not.toContain("meet.example.org");
    expect((await send(owner, CLAIM, { id: event.id })).data?.claimSeat.status).toBe("CONFIRMED");
    const claimed = await calendarOf(await get(url));
    expect(claimed.entries.map((e) => e.status)).toEqual(["CONFIRMED"]);
    expect(claimed.text).toContain("https://meet.example.org/impact");
  });

  it("in the owner's language by default", async () => {
    const owner = await member();
    const event = await buildEvent(server.db, cast);
    await send(owner, REGISTER, { id: event.id });
    const cal = await calendarOf(await get(pathOf(await reset(owner))));
    expect(cal.name).toBe("Pratica — i miei eventi");
    expect(cal.entries[0]?.summary).toBe("Laboratorio sull'impatto");
  });

  it("an event the owner can no longer read leaves the feed (they left a members-only community)", async () => {
    const owner = await member();
    const event = await buildEvent(server.db, cast, { startsAt: new Date(NOW.getTime() + 30 * HOUR) });
    await send(owner, REGISTER, { id: event.id });
    const url = await reset(owner);
    expect((await calendarOf(await get(pathOf(url)))).entries).toHaveLength(1);
    await server.db.update(communities).set({ visibility: "MEMBERS" }).where(eq(communities.id, cast.community.id));
    try {
      await server.db
        .delete(communityMemberships)
        .where(and(eq(communityMemberships.communityId, cast.community.id), eq(communityMemberships.userId, owner.id)));
      expect((await calendarOf(await get(pathOf(url)))).entries).toHaveLength(0);
    } finally {
      await server.db.update(communities).set({ visibility: "PUBLIC" }).where(eq(communities.id, cast.community.id));
    }
  });
});
