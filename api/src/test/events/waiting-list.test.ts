import { notifications } from "@pratica/db";
import { SEAT_CLAIM_WINDOW_HOURS } from "@pratica/rules";
import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addMember, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import {
  buildCast,
  buildEvent,
  CANCEL_REGISTRATION,
  type Cast,
  CLAIM,
  clock,
  HOUR,
  hooks,
  NOW,
  REGISTER,
  refused,
  request,
  UPDATE,
  updateInput,
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

async function members(n: number): Promise<TestUser[]> {
  const people = await Promise.all(Array.from({ length: n }, () => buildUser(server.db)));
  for (const p of people) await addMember(server.db, cast.community, p);
  return people;
}

const kindsFor = async (userId: string, eventId: string) =>
  (
    await server.db
      .select({ kind: notifications.kind })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.eventId, eventId)))
  ).map((n) => n.kind);

describe("the waiting list", () => {
  it("confirms while seats are left, then waitlists in order with 1-based places", async () => {
    const event = await buildEvent(server.db, cast, { capacity: 2 });
    const [a, b, c, d] = await members(4);
    const answers = [];
    for (const p of [a, b, c, d]) answers.push((await send(p, REGISTER, { id: event.id })).data?.registerForEvent);
    expect(answers.map((r) => [r.status, r.queuePosition])).toEqual([
      ["CONFIRMED", null],
      ["CONFIRMED", null],
      ["WAITLISTED", 1],
      ["WAITLISTED", 2],
    ]);
    const read = await send(
      cast.member,
      `query($id: ID!) { event(id: $id) { confirmedCount waitlistCount seatsLeft } }`,
      {
        id: event.id,
      },
    );
    expect(read.data?.event).toEqual({ confirmedCount: 2, waitlistCount: 2, seatsLeft: 0 });
  });

  it("a cancellation offers the seat to the first waitlisted, who claims it within the window", async () => {
    const event = await buildEvent(server.db, cast, { capacity: 1 });
    const [a, b, c] = await members(3);
    for (const p of [a, b, c]) await send(p, REGISTER, { id: event.id });
    const cancelled = await send(a, CANCEL_REGISTRATION, { id: event.id });
    expect(cancelled.data?.cancelRegistration.status).toBe("CANCELLED");
    const offered = await send(
      b,
      `query($id: ID!) { event(id: $id) { viewerRegistration { status offerExpiresAt } } }`,
      {
        id: event.id,
      },
    );
    expect(offered.data?.event.viewerRegistration).toEqual({
      status: "OFFERED",
      offerExpiresAt: new Date(NOW.getTime() + SEAT_CLAIM_WINDOW_HOURS * HOUR).toISOString(),
    });
    expect(await kindsFor(b!.id, event.id)).toEqual(["EVENT_SEAT_OFFERED"]);
    // The one behind may not claim a seat not offered to them.
    await refused(server.db, event.id, () => send(c, CLAIM, { id: event.id }), "CONFLICT");
    clock.now = new Date(NOW.getTime() + (SEAT_CLAIM_WINDOW_HOURS - 1) * HOUR);
    const claimed = await send(b, CLAIM, { id: event.id });
    expect(claimed.data?.claimSeat.status).toBe("CONFIRMED");
  });

  it("an offer not claimed in time expires (CANCELLED) and the job passes the seat to the next", async () => {
    const event = await buildEvent(server.db, cast, {
      capacity: 1,
      startsAt: new Date(NOW.getTime() + 100 * HOUR),
      endsAt: new Date(NOW.getTime() + 101 * HOUR),
    });
    const [a, b, c] = await members(3);
    for (const p of [a, b, c]) await send(p, REGISTER, { id: event.id });
    await send(a, CANCEL_REGISTRATION, { id: event.id });
    // Before the window ends the sweep changes nothing.
    expect((await server.services.eventSeats.sweep(new Date(NOW.getTime() + 23 * HOUR))).expired).toBe(0);
    clock.now = new Date(NOW.getTime() + SEAT_CLAIM_WINDOW_HOURS * HOUR);
    await refused(server.db, event.id, () => send(b, CLAIM, { id: event.id }), "CONFLICT");
    expect((await server.services.eventSeats.sweep(clock.now)).expired).toBe(1);
    const mine = `query($id: ID!) { event(id: $id) { viewerRegistration { status history { fromStatus toStatus } } } }`;
    expect((await send(b, mine, { id: event.id })).data?.event.viewerRegistration.status).toBe("CANCELLED");
    expect((await send(c, mine, { id: event.id })).data?.event.viewerRegistration).toEqual({
      status: "OFFERED",
      history: [
        { fromStatus: null, toStatus: "WAITLISTED" },
        { fromStatus: "WAITLISTED", toStatus: "OFFERED" },
      ],
    });
    expect((await send(c, CLAIM, { id: event.id })).data?.claimSeat.status).toBe("CONFIRMED");
    // Registering again after it lapsed: a new place at the end of the list (here: the seats are full).
    expect((await send(b, REGISTER, { id: event.id })).data?.registerForEvent).toMatchObject({
      status: "WAITLISTED",
      queuePosition: 1,
    });
  });

  it("raising the capacity offers the new seats in order", async () => {
    const event = await buildEvent(server.db, cast, { capacity: 1 });
    const [a, b, c] = await members(3);
    for (const p of [a, b, c]) await send(p, REGISTER, { id: event.id });
    const res = await send(cast.facilitator, UPDATE, { i: updateInput(event, { capacity: 2 }) });
    expect(res.errors).toBeUndefined();
    const status = async (p: TestUser | undefined) =>
      (await send(p, `query($id: ID!) { event(id: $id) { viewerRegistration { status } } }`, { id: event.id })).data
        ?.event.viewerRegistration.status;
    expect([await status(b), await status(c)]).toEqual(["OFFERED", "WAITLISTED"]);
  });
});

describe("reminders", () => {
  it("go the day before to the confirmed participants, once", async () => {
    const event = await buildEvent(server.db, cast, { capacity: 1 });
    const [a, b] = await members(2);
    await send(a, REGISTER, { id: event.id });
    await send(b, REGISTER, { id: event.id });
    // Two days ahead: not yet.
    expect((await server.services.eventSeats.sweep(NOW)).reminded).toBe(0);
    const dayBefore = new Date(event.startsAt.getTime() - 23 * HOUR);
    expect((await server.services.eventSeats.sweep(dayBefore)).reminded).toBeGreaterThanOrEqual(1);
    expect((await server.services.eventSeats.sweep(dayBefore)).reminded).toBe(0);
    expect(await kindsFor(a!.id, event.id)).toEqual(["EVENT_REMINDER"]);
    expect(await kindsFor(b!.id, event.id)).toEqual([]);
  });
});
