import { eventRegistrations } from "@pratica/db";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestServer } from "../fixture.js";
import {
  buildCast,
  buildEvent,
  CANCEL,
  type Cast,
  hooks,
  REGISTER,
  ROLES,
  type Role,
  request,
  who,
} from "./support.js";

const server = useTestServer({}, undefined, hooks);
const send = request(() => server.url);
let cast: Cast;
let eventId: string;
let otherId: string;
const URL = "https://meet.example.org/impact";

// Who sees the link: confirmed (or attended) participants and the organisers. Here the member is
// CONFIRMED and the non-member (on a platform-wide event) WAITLISTED; the suspended member ATTENDED
// nothing: they hold no registration at all.
const SEES = new Set<Role>(["member", "organiser", "facilitator", "admin"]);

beforeAll(async () => {
  cast = await buildCast(server.db);
  const event = await buildEvent(server.db, cast, { capacity: 1 });
  eventId = event.id;
  expect((await send(cast.member, REGISTER, { id: eventId })).data?.registerForEvent.status).toBe("CONFIRMED");
  // The unconfirmed member is WAITLISTED (written directly: an unconfirmed account does not write).
  await server.db.insert(eventRegistrations).values({ eventId, userId: cast.unconfirmed.id, status: "WAITLISTED" });
  // A second event the member registered for, then the event was cancelled: the link goes with the seat.
  const other = await buildEvent(server.db, cast, { capacity: 5 });
  otherId = other.id;
});

type Node = { id: string; onlineUrl: string | null };
// biome-ignore lint/suspicious/noExplicitAny: tests read response shapes they just asked for
type Data = Record<string, any>;

const edges: [string, string, (d: Data) => (string | null)[]][] = [
  ["event", `query($id: ID!) { event(id: $id) { onlineUrl } }`, (d) => [d.event.onlineUrl]],
  [
    "events",
    `query($c: ID!) { events(communityId: $c, first: 50) { edges { node { id onlineUrl } } } }`,
    (d) =>
      d.events.edges.filter((e: { node: Node }) => e.node.id === eventId).map((e: { node: Node }) => e.node.onlineUrl),
  ],
  [
    "community upcomingEvents",
    `query($slug: String!) { community(slug: $slug) { upcomingEvents(first: 50) { id onlineUrl } } }`,
    (d) => d.community.upcomingEvents.filter((e: Node) => e.id === eventId).map((e: Node) => e.onlineUrl),
  ],
  [
    "myEvents",
    `{ myEvents { id onlineUrl } }`,
    (d) => d.myEvents.filter((e: Node) => e.id === eventId).map((e: Node) => e.onlineUrl),
  ],
];

describe("onlineUrl: confirmed participants and organisers only, along every edge", () => {
  for (const [edge, query, pick] of edges) {
    for (const role of ROLES) {
      it(`${edge} read by ${role}`, async () => {
        const res = await send(who(cast, role), query, {
          id: eventId,
          c: cast.community.id,
          slug: cast.community.slug,
        });
        expect(res.errors).toBeUndefined();
        const urls = pick(res.data as Data);
        // myEvents lists only one's own registrations: the organisers hold none here.
        if (edge === "myEvents")
          return expect(urls).toEqual(role === "member" ? [URL] : role === "unconfirmed" ? [null] : []);
        expect(urls).toEqual([SEES.has(role) ? URL : null]);
      });
    }
  }

  it("the notification's event edge: a cancelled event's participant is told, and sees the link only while confirmed", async () => {
    await send(cast.member, REGISTER, { id: otherId });
    await send(cast.organiser, REGISTER, { id: otherId });
    await send(cast.facilitator, CANCEL, { i: { eventId: otherId, expectedVersion: 1, reason: "Strike" } });
    const q = `{ notifications(first: 20) { edges { node { kind event { id onlineUrl cancellationReason } } } } }`;
    const res = await send(cast.member, q);
    const nodes = res.data?.notifications.edges.map((e: Data) => e.node).filter((n: Data) => n.event?.id === otherId);
    expect(nodes).toEqual([
      { kind: "EVENT_CANCELLED", event: { id: otherId, onlineUrl: URL, cancellationReason: "Strike" } },
    ]);
  });
});
