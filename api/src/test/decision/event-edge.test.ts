import { events } from "@pratica/db";
import { describe, expect, it } from "vitest";
import { useTestServer } from "../fixture.js";
import { as, buildCast, createDecision, NOW } from "./support.js";

const server = useTestServer({}, undefined, { decisionsClock: () => NOW, eventsClock: () => NOW });
const ask = as(server);
const EDGE = `query($e: ID!) { event(id: $e) { id decisions { id title event { id } } } }`;
const CREATE = `mutation($i: CreateDecisionInput!) { createDecision(input: $i) { id } }`;

async function eventIn(communityId: string, organizerId: string) {
  const [event] = await server.db
    .insert(events)
    .values({
      communityId,
      organizerId,
      title: "Assembly",
      mode: "ONLINE",
      onlineUrl: "https://meet.example.org/a",
      startsAt: new Date(NOW.getTime() - 2 * 3_600_000),
      endsAt: new Date(NOW.getTime() - 3_600_000),
    })
    .returning();
  if (!event) throw new Error("no event");
  return event;
}

describe("decisions taken at an event", () => {
  it("link back from the event, under the community's read rule", async () => {
    const c = await buildCast(server, "MEMBERS");
    const event = await eventIn(c.community.id, c.facilitator.id);
    const d = await createDecision(server, c.author, {
      communityId: c.community.id,
      eventId: event.id,
      title: "Taken at the assembly",
      kind: "CONSENT",
    });
    const seen = await ask(c.member, EDGE, { e: event.id });
    expect(seen.data?.event.decisions).toEqual([{ id: d.id, title: "Taken at the assembly", event: { id: event.id } }]);
    // Outside a members-only community the event itself is not read, so nothing of the decision leaks.
    const outside = await ask(c.outsider, EDGE, { e: event.id });
    expect(outside.data?.event ?? null).toBeNull();
  });

  it("refuses an event of another community, naming eventId", async () => {
    const c = await buildCast(server);
    const other = await buildCast(server);
    const event = await eventIn(other.community.id, other.facilitator.id);
    const res = await ask(c.author, CREATE, {
      i: {
        communityId: c.community.id,
        eventId: event.id,
        title: "Elsewhere",
        kind: "CONSENT",
        closesAt: new Date(NOW.getTime() + 48 * 3_600_000).toISOString(),
      },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.extensions?.field).toBe("eventId");
  });
});
