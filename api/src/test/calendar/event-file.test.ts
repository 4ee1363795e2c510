import { communities } from "@pratica/db";
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  buildCast,
  buildEvent,
  CANCEL,
  type Cast,
  clock,
  HOUR,
  hooks,
  NOW,
  REGISTER,
  request,
  UPDATE,
  updateInput,
} from "../events/support.js";
import { addMember, buildCommunity, buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { calendarOf, fetchFrom } from "./support.js";

// GET /events/:id/event.ics, parsed back with ical.js.

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

// PUBLIC_ORIGIN: what the mail service links to (the test server's own address when unset).
const origin = () => server.services.mail.url("/");
const host = () => new URL(origin()).host;

describe("an event's .ics", () => {
  it("anyone reads a public community's event: UID, SEQUENCE, zone, place and GEO, no online link", async () => {
    const event = await buildEvent(server.db, cast);
    const res = await get(`/events/${event.id}/event.ics`);
    expect(res.headers.get("cache-control")).toBe("private, no-cache");
    expect(res.headers.get("content-disposition")).toBe("attachment; filename=event.ics");
    const cal = await calendarOf(res);
    expect(cal.method).toBe("PUBLISH");
    expect(cal.timezones).toEqual(["Europe/Rome"]);
    expect(cal.entries).toHaveLength(1);
    const [entry] = cal.entries;
    expect(entry?.uid).toBe(`${event.id}@${host()}`);
    expect(entry?.sequence).toBe(0);
    expect(entry?.tzid).toBe("Europe/Rome");
    expect(entry?.start.toISOString()).toBe(event.startsAt.toISOString());
    expect(entry?.end.toISOString()).toBe(event.endsAt.toISOString());
    expect(entry?.location).toBe("Toolbox, Via Agostino da Montefeltro 2, Torino");
    expect(entry?.geo).toEqual([45.05, 7.66]);
    expect(entry?.status).toBe("CONFIRMED");
    expect(entry?.url).toBe(new URL(`/events/${event.id}`, origin()).toString());
    expect(entry?.organizer).toBe(`mailto:noreply@${new URL(origin()).hostname}`);
    expect(entry?.organizerName).toBe(cast.organiser.displayName);
    expect(cal.text).not.toContain(cast.organiser.email);
    expect(cal.text).not.toContain("meet.example.org");
  });

  it("in the reader's language: Accept-Language, or ?lang=", async () => {
    const event = await buildEvent(server.db, cast);
    const it_ = await calendarOf(await get(`/events/${event.id}/event.ics`, undefined, { "accept-language": "it" }));
    expect(it_.entries[0]?.summary).toBe("Laboratorio sull'impatto");
    const en = await calendarOf(await get(`/events/${event.id}/event.ics?lang=en`));
    expect(en.entries[0]?.summary).toBe("Workshop on impact");
  });

  it("the online link only for a confirmed participant and the organisers, by the session", async () => {
    const event = await buildEvent(server.db, cast, { capacity: 1 });
    const [first, second] = [await buildUser(server.db), await buildUser(server.db)];
    for (const p of [first, second]) await addMember(server.db, cast.community, p);
    expect((await send(first, REGISTER, { id: event.id })).data?.registerForEvent.status).toBe("CONFIRMED");
    expect((await send(second, REGISTER, { id: event.id })).data?.registerForEvent.status).toBe("WAITLISTED");
    const link = "https://meet.example.org/impact";
    const confirmed = await calendarOf(await get(`/events/${event.id}/event.ics`, first));
    expect(confirmed.entries[0]?.description).toContain(link);
    const waitlisted = await calendarOf(await get(`/events/${event.id}/event.ics`, second));
    expect(waitlisted.text).not.toContain(link);
    expect(waitlisted.entries[0]?.status).toBe("TENTATIVE");
    for (const who of [cast.organiser, cast.facilitator, cast.admin]) {
      expect((await calendarOf(await get(`/events/${event.id}/event.ics`, who))).text).toContain(link);
    }
    for (const who of [undefined, cast.member, cast.nonMember]) {
      expect((await calendarOf(await get(`/events/${event.id}/event.ics`, who))).text).not.toContain(link);
    }
    // The browser's session cookie decides as the Bearer token does; a stale cookie reads anonymously.
    const byCookie = await get(`/events/${event.id}/event.ics`, undefined, {
      cookie: `pratica_session=${first.token}`,
    });
    expect((await calendarOf(byCookie)).text).toContain(link);
    const stale = await get(`/events/${event.id}/event.ics`, undefined, { cookie: "pratica_session=gone" });
    expect((await calendarOf(stale)).text).not.toContain(link);
    // A revoked Bearer token is told to log in again, not served anonymously.
    const revoked = await fetch(new URL(`/events/${event.id}/event.ics`, server.url.replace(/\/graphql$/, "")), {
      headers: { authorization: "Bearer gone" },
    });
    expect(revoked.status).toBe(401);
  });

  it("an edit raises SEQUENCE and moves the times; the UID stays", async () => {
    const event = await buildEvent(server.db, cast);
    const startsAt = new Date(NOW.getTime() + 72 * HOUR);
    const endsAt = new Date(NOW.getTime() + 75 * HOUR);
    const input = updateInput(event, { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() });
    const updated = await send(cast.facilitator, UPDATE, { i: input });
    expect(updated.errors).toBeUndefined();
    const sequence = updated.data?.updateEvent.sequence as number;
    expect(sequence).toBeGreaterThan(0);
    const [entry] = (await calendarOf(await get(`/events/${event.id}/event.ics`))).entries;
    expect(entry?.uid).toBe(`${event.id}@${host()}`);
    expect(entry?.sequence).toBe(sequence);
    expect(entry?.start.toISOString()).toBe(startsAt.toISOString());
    expect(entry?.end.toISOString()).toBe(endsAt.toISOString());
  });

  it("a zone other than Rome: TZID, its VTIMEZONE and the same instants", async () => {
    const event = await buildEvent(server.db, cast, { timeZone: "America/New_York" });
    const cal = await calendarOf(await get(`/events/${event.id}/event.ics`));
    expect(cal.timezones).toEqual(["America/New_York"]);
    expect(cal.entries[0]?.tzid).toBe("America/New_York");
    expect(cal.entries[0]?.start.toISOString()).toBe(event.startsAt.toISOString());
  });

  it("cancelled: METHOD:CANCEL, STATUS:CANCELLED, SEQUENCE raised", async () => {
    const event = await buildEvent(server.db, cast);
    const res = await send(cast.facilitator, CANCEL, {
      i: { eventId: event.id, expectedVersion: event.version, reason: "The hall is closed." },
    });
    expect(res.errors).toBeUndefined();
    const cal = await calendarOf(await get(`/events/${event.id}/event.ics?lang=en`));
    expect(cal.method).toBe("CANCEL");
    expect(cal.entries[0]?.status).toBe("CANCELLED");
    expect(cal.entries[0]?.sequence).toBe(res.data?.cancelEvent.sequence);
    expect(cal.entries[0]?.sequence).toBeGreaterThan(event.sequence);
    expect(cal.entries[0]?.description).toContain("Cancelled: The hall is closed.");
  });

  it("a platform-wide event is anyone's", async () => {
    const event = await buildEvent(server.db, cast, { communityId: null, organizerId: cast.admin.id });
    const cal = await calendarOf(await get(`/events/${event.id}/event.ics`));
    expect(cal.entries[0]?.uid).toBe(`${event.id}@${host()}`);
  });

  it("a members-only community's event is 404 to others; unknown and malformed ids are 404", async () => {
    const closed = await buildCommunity(server.db, { visibility: "MEMBERS" });
    const member = await buildUser(server.db);
    await addMember(server.db, closed, member);
    const event = await buildEvent(server.db, cast, { communityId: closed.id, organizerId: member.id });
    for (const who of [undefined, cast.nonMember, cast.member]) {
      const res = await get(`/events/${event.id}/event.ics`, who);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain("BEGIN:VCALENDAR");
    }
    expect((await calendarOf(await get(`/events/${event.id}/event.ics`, member))).entries).toHaveLength(1);
    expect((await calendarOf(await get(`/events/${event.id}/event.ics`, cast.admin))).entries).toHaveLength(1);
    // The community opens up: the event with it.
    await server.db.update(communities).set({ visibility: "PUBLIC" }).where(eq(communities.id, closed.id));
    expect((await get(`/events/${event.id}/event.ics`)).status).toBe(200);
    expect((await get("/events/00000000-0000-4000-8000-000000000000/event.ics")).status).toBe(404);
    expect((await get("/events/not-an-id/event.ics")).status).toBe(404);
  });
});
