import { beforeAll, describe, expect, it } from "vitest";
import { errorCode } from "../client.js";
import { addMember, buildCommunity } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { buildCast, buildEvent, type Cast, hooks, LINK, refused, request } from "./support.js";

const server = useTestServer({}, undefined, hooks);
const send = request(() => server.url);
let cast: Cast;
beforeAll(async () => {
  cast = await buildCast(server.db);
});

const CREATE_DOC = `mutation($i: CreateDeliverableInput!) { createDeliverable(input: $i) { id } }`;

describe("linkEventMinutes", () => {
  it("an organiser creates the minutes document, titled after the event", async () => {
    const event = await buildEvent(server.db, cast);
    const res = await send(cast.organiser, LINK, { i: { eventId: event.id } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.linkEventMinutes.minutes.title).toBe("Minutes — Workshop on impact");
    expect(res.data?.linkEventMinutes.version).toBe(2);
  });

  it("links an existing document of the community; another community's is BAD_USER_INPUT; a member is FORBIDDEN", async () => {
    const event = await buildEvent(server.db, cast);
    const doc = await send(cast.member, CREATE_DOC, { i: { communityId: cast.community.id, title: "Notes" } });
    expect(doc.errors).toBeUndefined();
    const id = doc.data?.createDeliverable.id;
    await refused(
      server.db,
      event.id,
      () => send(cast.member, LINK, { i: { eventId: event.id, deliverableId: id } }),
      "FORBIDDEN",
    );
    await refused(
      server.db,
      event.id,
      () => send(undefined, LINK, { i: { eventId: event.id, deliverableId: id } }),
      "UNAUTHENTICATED",
    );
    const elsewhere = await buildCommunity(server.db);
    await addMember(server.db, elsewhere, cast.facilitator);
    const other = await send(cast.facilitator, CREATE_DOC, { i: { communityId: elsewhere.id, title: "Elsewhere" } });
    const otherId = other.data?.createDeliverable.id;
    const wrong = await send(cast.facilitator, LINK, { i: { eventId: event.id, deliverableId: otherId } });
    expect(errorCode(wrong)).toBe("BAD_USER_INPUT");
    const res = await send(cast.facilitator, LINK, { i: { eventId: event.id, deliverableId: id } });
    expect(res.data?.linkEventMinutes.minutes).toEqual({ id, title: "Notes" });
  });
});
