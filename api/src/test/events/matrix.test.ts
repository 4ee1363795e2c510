import { eventRegistrations, events } from "@pratica/db";
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { errorCode } from "../client.js";
import { useTestServer } from "../fixture.js";
import {
  ATTEND,
  buildCast,
  buildEvent,
  CANCEL,
  type Cast,
  CREATE,
  clock,
  createInput,
  DECIDE,
  HOUR,
  hooks,
  NOW,
  REGISTER,
  ROLES,
  type Role,
  refused,
  request,
  UPDATE,
  updateInput,
  who,
} from "./support.js";

const server = useTestServer({}, undefined, hooks);
const send = request(() => server.url);
let cast: Cast;
beforeAll(async () => {
  cast = await buildCast(server.db);
});
beforeEach(() => {
  clock.now = NOW;
});

/** What the login and the confirmed address refuse before any rule of events. */
const gate = (role: Role) => (role === "anonymous" ? "UNAUTHENTICATED" : role === "unconfirmed" ? "FORBIDDEN" : null);
const ORGANISERS = new Set<Role>(["organiser", "facilitator", "admin"]);
const MEMBERS = new Set<Role>(["member", "organiser", "facilitator"]);

const STATES = ["upcoming", "full", "started", "cancelled", "closed", "approval"] as const;
type State = (typeof STATES)[number];
const eventIn = (state: State) =>
  buildEvent(server.db, cast, {
    capacity: state === "full" ? 0 + 1 : 50,
    registration: state === "closed" ? "CLOSED" : state === "approval" ? "APPROVAL" : "OPEN",
    ...(state === "started"
      ? { startsAt: new Date(NOW.getTime() - HOUR), endsAt: new Date(NOW.getTime() + HOUR) }
      : {}),
    ...(state === "cancelled" ? { cancelledAt: new Date(NOW.getTime() - HOUR), cancellationReason: "Rain" } : {}),
  });

describe("registerForEvent: role × state", () => {
  for (const state of STATES) {
    for (const role of ROLES) {
      it(`${role} on a ${state} event`, async () => {
        const event = await eventIn(state);
        if (state === "full") {
          await server.db
            .insert(eventRegistrations)
            .values({ eventId: event.id, userId: cast.suspended.id, status: "CONFIRMED" });
        }
        const expected =
          gate(role) ??
          (!MEMBERS.has(role) ? "FORBIDDEN" : ["started", "cancelled", "closed"].includes(state) ? "CONFLICT" : null);
        if (expected)
          return refused(server.db, event.id, () => send(who(cast, role), REGISTER, { id: event.id }), expected);
        const res = await send(who(cast, role), REGISTER, { id: event.id });
        expect(res.errors).toBeUndefined();
        expect(res.data?.registerForEvent.status).toBe(
          state === "full" ? "WAITLISTED" : state === "approval" ? "PENDING" : "CONFIRMED",
        );
      });
    }
  }

  it("a member suspended in the community may not register; registering twice is CONFLICT", async () => {
    const event = await eventIn("upcoming");
    await refused(server.db, event.id, () => send(cast.suspended, REGISTER, { id: event.id }), "FORBIDDEN");
    await send(cast.member, REGISTER, { id: event.id });
    await refused(server.db, event.id, () => send(cast.member, REGISTER, { id: event.id }), "CONFLICT");
  });

  it("a members-only community's event is NOT_FOUND to a non-member; an unknown id too", async () => {
    const { buildCommunity } = await import("../factories.js");
    const closed = await buildCommunity(server.db, { visibility: "MEMBERS" });
    const event = await buildEvent(server.db, cast, { communityId: closed.id });
    await refused(server.db, event.id, () => send(cast.nonMember, REGISTER, { id: event.id }), "NOT_FOUND");
    expect(errorCode(await send(cast.member, REGISTER, { id: "not-an-id" }))).toBe("NOT_FOUND");
  });

  it("a platform-wide event takes anyone signed in and confirmed", async () => {
    const event = await buildEvent(server.db, cast, { communityId: null });
    expect((await send(cast.nonMember, REGISTER, { id: event.id })).data?.registerForEvent.status).toBe("CONFIRMED");
    await refused(server.db, event.id, () => send(cast.unconfirmed, REGISTER, { id: event.id }), "FORBIDDEN");
  });
});

describe("createEvent", () => {
  const allowed = new Set<Role>(["facilitator", "admin"]);
  for (const role of ROLES) {
    it(`by ${role} in the community`, async () => {
      const res = await send(who(cast, role), CREATE, { i: createInput(cast.community.id) });
      const expected = gate(role) ?? (allowed.has(role) ? null : "FORBIDDEN");
      if (expected) return expect(errorCode(res)).toBe(expected);
      expect(res.errors).toBeUndefined();
      expect(res.data?.createEvent).toMatchObject({
        titleEn: "Partners' assembly",
        sequence: 0,
        version: 1,
        viewerCanEdit: true,
      });
    });
    it(`by ${role}, platform-wide`, async () => {
      const res = await send(who(cast, role), CREATE, { i: createInput(null) });
      const expected = gate(role) ?? (role === "admin" ? null : "FORBIDDEN");
      if (expected) return expect(errorCode(res)).toBe(expected);
      expect(res.data?.createEvent.titleEn).toBe("Partners' assembly");
    });
  }

  const invalid: [string, Record<string, unknown>][] = [
    ["titleEn", { titleEn: " ", titleIt: "" }],
    ["endsAt", { endsAt: new Date(NOW.getTime() + 47 * HOUR).toISOString() }],
    ["startsAt", { startsAt: new Date(NOW.getTime() - HOUR).toISOString() }],
    ["timeZone", { timeZone: "Mars/Olympus" }],
    ["capacity", { capacity: 0 }],
    ["capacity", { capacity: 100_001 }],
    ["placeName", { placeName: "" }],
    ["onlineUrl", { mode: "ONLINE", onlineUrl: "http://meet.example.org/x" }],
    ["onlineUrl", { mode: "HYBRID" }],
    ["latitude", { latitude: 91 }],
    ["longitude", { longitude: null }],
  ];
  for (const [field, change] of invalid) {
    it(`refuses ${JSON.stringify(change)} naming ${field}, creating nothing`, async () => {
      const before = (await server.db.select({ id: events.id }).from(events)).length;
      const res = await send(cast.facilitator, CREATE, { i: createInput(cast.community.id, change) });
      expect(errorCode(res)).toBe("BAD_USER_INPUT");
      expect(res.errors?.[0]?.extensions?.field).toBe(field);
      expect((await server.db.select({ id: events.id }).from(events)).length).toBe(before);
    });
  }
});

describe("updateEvent and cancelEvent", () => {
  for (const role of ROLES) {
    it(`updateEvent by ${role}`, async () => {
      const event = await eventIn("upcoming");
      const send1 = () => send(who(cast, role), UPDATE, { i: updateInput(event, { titleEn: "Renamed" }) });
      const expected = gate(role) ?? (ORGANISERS.has(role) ? null : "FORBIDDEN");
      if (expected) return refused(server.db, event.id, send1, expected);
      const res = await send1();
      expect(res.data?.updateEvent).toMatchObject({ titleEn: "Renamed", version: 2, sequence: 1 });
    });
    it(`cancelEvent by ${role}`, async () => {
      const event = await eventIn("upcoming");
      const send1 = () =>
        send(who(cast, role), CANCEL, { i: { eventId: event.id, expectedVersion: 1, reason: "Strike" } });
      const expected = gate(role) ?? (ORGANISERS.has(role) ? null : "FORBIDDEN");
      if (expected) return refused(server.db, event.id, send1, expected);
      const res = await send1();
      expect(res.data?.cancelEvent).toMatchObject({ cancellationReason: "Strike", version: 2, sequence: 1 });
    });
  }

  it("a stale version, a cancelled or started event, a capacity below the confirmed: refused, nothing changed", async () => {
    const event = await eventIn("upcoming");
    await send(cast.member, REGISTER, { id: event.id });
    await send(cast.organiser, REGISTER, { id: event.id });
    const up = (more: Record<string, unknown>) => () => send(cast.facilitator, UPDATE, { i: updateInput(event, more) });
    await refused(server.db, event.id, up({ expectedVersion: 7 }), "CONFLICT");
    await refused(server.db, event.id, up({ capacity: 1 }), "BAD_USER_INPUT");
    const cancelled = await eventIn("cancelled");
    await refused(
      server.db,
      cancelled.id,
      () => send(cast.facilitator, UPDATE, { i: updateInput(cancelled) }),
      "CONFLICT",
    );
    await refused(
      server.db,
      cancelled.id,
      () => send(cast.facilitator, CANCEL, { i: { eventId: cancelled.id, expectedVersion: 1, reason: "Again" } }),
      "CONFLICT",
    );
    const started = await eventIn("started");
    await refused(
      server.db,
      started.id,
      () => send(cast.facilitator, CANCEL, { i: { eventId: started.id, expectedVersion: 1, reason: "Late" } }),
      "CONFLICT",
    );
    await refused(
      server.db,
      event.id,
      () => send(cast.facilitator, CANCEL, { i: { eventId: event.id, expectedVersion: 1, reason: " " } }),
      "BAD_USER_INPUT",
    );
  });

  it("an edit that calendars need not see (the description) keeps the sequence", async () => {
    const event = await eventIn("upcoming");
    const res = await send(cast.facilitator, UPDATE, { i: updateInput(event, { descriptionEn: "More words." }) });
    expect(res.data?.updateEvent).toMatchObject({ version: 2, sequence: 0 });
  });
});

describe("decideRegistration and markAttendance", () => {
  for (const role of ROLES) {
    it(`decideRegistration by ${role}`, async () => {
      const event = await eventIn("approval");
      const pending = (await send(cast.member, REGISTER, { id: event.id })).data?.registerForEvent;
      const send1 = () => send(who(cast, role), DECIDE, { i: { registrationId: pending.id, decision: "APPROVE" } });
      const expected = gate(role) ?? (ORGANISERS.has(role) ? null : "FORBIDDEN");
      if (expected) return refused(server.db, event.id, send1, expected);
      expect((await send1()).data?.decideRegistration.status).toBe("CONFIRMED");
      // Decided already: the workflow refuses a second decision.
      await refused(server.db, event.id, send1, "CONFLICT");
    });
    it(`markAttendance by ${role}`, async () => {
      const event = await eventIn("upcoming");
      const confirmed = (await send(cast.member, REGISTER, { id: event.id })).data?.registerForEvent;
      const send1 = () => send(who(cast, role), ATTEND, { i: { registrationId: confirmed.id, attended: true } });
      const expected = gate(role) ?? (ORGANISERS.has(role) ? null : "FORBIDDEN");
      if (expected) return refused(server.db, event.id, send1, expected);
      // Before the start: too early.
      await refused(server.db, event.id, send1, "CONFLICT");
      clock.now = new Date(event.startsAt.getTime() + HOUR);
      expect((await send1()).data?.markAttendance.status).toBe("ATTENDED");
      const back = await send(who(cast, role), ATTEND, { i: { registrationId: confirmed.id, attended: false } });
      expect(back.data?.markAttendance.status).toBe("CONFIRMED");
    });
  }

  it("approving when full waitlists; declining cancels", async () => {
    const event = await buildEvent(server.db, cast, { registration: "APPROVAL", capacity: 1 });
    await server.db
      .insert(eventRegistrations)
      .values({ eventId: event.id, userId: cast.suspended.id, status: "CONFIRMED" });
    const a = (await send(cast.member, REGISTER, { id: event.id })).data?.registerForEvent;
    const b = (await send(cast.organiser, REGISTER, { id: event.id })).data?.registerForEvent;
    const approve = await send(cast.facilitator, DECIDE, { i: { registrationId: a.id, decision: "APPROVE" } });
    expect(approve.data?.decideRegistration.status).toBe("WAITLISTED");
    const decline = await send(cast.facilitator, DECIDE, { i: { registrationId: b.id, decision: "DECLINE" } });
    expect(decline.data?.decideRegistration.status).toBe("CANCELLED");
    const [row] = await server.db.select().from(eventRegistrations).where(eq(eventRegistrations.id, b.id));
    expect(row?.status).toBe("CANCELLED");
  });
});
