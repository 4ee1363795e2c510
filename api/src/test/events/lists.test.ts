import { eventRegistrations, notifications } from "@pratica/db";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode } from "../client.js";
import { buildCommunity } from "../factories.js";
import { useTestServer } from "../fixture.js";
import {
  buildCast,
  buildEvent,
  CANCEL_REGISTRATION,
  type Cast,
  CLAIM,
  HOUR,
  hooks,
  NOW,
  REGISTER,
  ROLES,
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

const LIST = `query($c: ID, $up: Boolean, $first: Int, $after: String) {
  events(communityId: $c, upcoming: $up, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;

describe("events: keyset pages, upcoming and past, the read rule", () => {
  it("pages a community's upcoming events soonest first and its past ones latest first", async () => {
    const c = await buildCommunity(server.db);
    const own = { ...cast, community: c };
    const at = (h: number) => ({
      startsAt: new Date(NOW.getTime() + h * HOUR),
      endsAt: new Date(NOW.getTime() + (h + 1) * HOUR),
    });
    const future = [];
    for (const h of [30, 10, 20]) future.push(await buildEvent(server.db, own, at(h)));
    const past = [];
    for (const h of [-30, -10]) past.push(await buildEvent(server.db, own, at(h)));
    const first = await send(undefined, LIST, { c: c.id, first: 2 });
    expect(first.data?.events.totalCount).toBe(3);
    expect(first.data?.events.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([
      future[1]?.id,
      future[2]?.id,
    ]);
    expect(first.data?.events.pageInfo.hasNextPage).toBe(true);
    const second = await send(undefined, LIST, { c: c.id, first: 2, after: first.data?.events.pageInfo.endCursor });
    expect(second.data?.events.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([future[0]?.id]);
    const before = await send(undefined, LIST, { c: c.id, up: false });
    expect(before.data?.events.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([
      past[1]?.id,
      past[0]?.id,
    ]);
    expect(errorCode(await send(undefined, LIST, { c: c.id, after: "nonsense" }))).toBe("BAD_USER_INPUT");
  });

  it("the unfiltered list has platform-wide events and readable communities' only", async () => {
    const hidden = await buildCommunity(server.db, { visibility: "MEMBERS" });
    const secret = await buildEvent(server.db, { ...cast, community: hidden });
    const wide = await buildEvent(server.db, cast, { communityId: null });
    const ids = async (user: (typeof cast)["member"] | undefined) =>
      (await send(user, LIST, { first: 100 })).data?.events.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(await ids(undefined)).toContain(wide.id);
    expect(await ids(undefined)).not.toContain(secret.id);
    expect(await ids(cast.admin)).toContain(secret.id);
    const upcoming = await send(cast.member, `query($s: String!) { community(slug: $s) { upcomingEvents { id } } }`, {
      s: hidden.slug,
    });
    expect(upcoming.data?.community?.upcomingEvents ?? []).toEqual([]);
  });
});

describe("cancelRegistration and claimSeat: who", () => {
  for (const role of ROLES) {
    it(`${role} without a registration`, async () => {
      const event = await buildEvent(server.db, cast);
      const expected = role === "anonymous" ? "UNAUTHENTICATED" : role === "unconfirmed" ? "FORBIDDEN" : "NOT_FOUND";
      await refused(server.db, event.id, () => send(who(cast, role), CANCEL_REGISTRATION, { id: event.id }), expected);
      await refused(server.db, event.id, () => send(who(cast, role), CLAIM, { id: event.id }), expected);
    });
  }

  it("cancelling twice, or after the start, is CONFLICT; a confirmed seat cannot be claimed", async () => {
    const event = await buildEvent(server.db, cast);
    await send(cast.member, REGISTER, { id: event.id });
    await refused(server.db, event.id, () => send(cast.member, CLAIM, { id: event.id }), "CONFLICT");
    await send(cast.member, CANCEL_REGISTRATION, { id: event.id });
    await refused(server.db, event.id, () => send(cast.member, CANCEL_REGISTRATION, { id: event.id }), "CONFLICT");
    const started = await buildEvent(server.db, cast, {
      startsAt: new Date(NOW.getTime() - HOUR),
      endsAt: new Date(NOW.getTime() + HOUR),
    });
    await server.db
      .insert(eventRegistrations)
      .values({ eventId: started.id, userId: cast.member.id, status: "CONFIRMED" });
    await refused(server.db, started.id, () => send(cast.member, CANCEL_REGISTRATION, { id: started.id }), "CONFLICT");
  });
});

describe("an edit calendars must see", () => {
  it("raises the sequence and tells everyone registered (EVENT_CHANGED), not the one who edited", async () => {
    const event = await buildEvent(server.db, cast, { capacity: 1 });
    await send(cast.member, REGISTER, { id: event.id });
    await send(cast.organiser, REGISTER, { id: event.id });
    const later = new Date(event.startsAt.getTime() + HOUR);
    const res = await send(cast.facilitator, UPDATE, {
      i: updateInput(event, { startsAt: later.toISOString(), endsAt: new Date(later.getTime() + HOUR).toISOString() }),
    });
    expect(res.data?.updateEvent).toMatchObject({ sequence: 1, version: 2 });
    const told = await server.db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.eventId, event.id), eq(notifications.kind, "EVENT_CHANGED")));
    expect(told.map((n) => n.userId).sort()).toEqual([cast.member.id, cast.organiser.id].sort());
  });
});
