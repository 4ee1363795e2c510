import { check } from "@placemarkio/check-geojson";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCast, buildEvent, type Cast, HOUR, hooks, NOW } from "../events/support.js";
import { buildCommunity } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { fetchFrom } from "./support.js";

// GET /events.geojson: the map's second layer.

const server = useTestServer({}, undefined, hooks);
const get = fetchFrom(() => server.url);
let cast: Cast;
beforeAll(async () => {
  cast = await buildCast(server.db);
});

type Feature = { id: string; geometry: { type: string; coordinates: number[] }; properties: Record<string, unknown> };

async function layer(query = "") {
  const res = await get(`/events.geojson${query}`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^application\/geo\+json/);
  expect(res.headers.get("cache-control")).toBe("public, max-age=300");
  // The validator throws on anything RFC 7946 does not allow.
  const collection = check(await res.text()) as unknown as { type: string; features: Feature[] };
  expect(collection.type).toBe("FeatureCollection");
  return collection.features;
}

describe("events on the map", () => {
  it("valid RFC 7946, upcoming placed events of public communities and the platform, public fields only", async () => {
    const shown = await buildEvent(server.db, cast, { title: "Shown", titleIt: "Mostrato" });
    const platform = await buildEvent(server.db, cast, { communityId: null, mode: "IN_PERSON", onlineUrl: null });
    const closed = await buildCommunity(server.db, { visibility: "MEMBERS" });
    const hidden = [
      await buildEvent(server.db, cast, { communityId: closed.id }),
      await buildEvent(server.db, cast, { mode: "ONLINE", placeName: null, address: null }),
      await buildEvent(server.db, cast, { latitude: null, longitude: null }),
      await buildEvent(server.db, cast, { cancelledAt: NOW, cancellationReason: "Rain." }),
      await buildEvent(server.db, cast, {
        startsAt: new Date(NOW.getTime() - 5 * HOUR),
        endsAt: new Date(NOW.getTime() - 3 * HOUR),
      }),
    ];
    const features = await layer("?lang=it");
    const ids = features.map((f) => f.id);
    expect(ids).toContain(shown.id);
    expect(ids).toContain(platform.id);
    for (const h of hidden) expect(ids).not.toContain(h.id);
    const feature = features.find((f) => f.id === shown.id) as Feature;
    expect(feature.geometry).toEqual({ type: "Point", coordinates: [7.66, 45.05] });
    expect(feature.properties).toEqual({
      id: shown.id,
      title: "Mostrato",
      title_en: "Shown",
      title_it: "Mostrato",
      mode: "HYBRID",
      place_name: "Toolbox",
      address: "Via Agostino da Montefeltro 2, Torino",
      starts_at: shown.startsAt.toISOString(),
      ends_at: shown.endsAt.toISOString(),
      time_zone: "Europe/Rome",
      community: cast.community.slug,
      community_name: cast.community.name,
      url: new URL(`/events/${shown.id}`, server.services.mail.url("/")).toString(),
    });
    expect(features.find((f) => f.id === platform.id)?.properties.community).toBeNull();
  });

  it("never carries the online link or the organiser, whoever asks", async () => {
    await buildEvent(server.db, cast, { onlineUrl: "https://meet.example.org/secret-room" });
    const res = await get("/events.geojson", cast.admin);
    const text = await res.text();
    expect(text).not.toContain("secret-room");
    expect(text).not.toContain(cast.organiser.email);
    expect(text).not.toContain(cast.organiser.displayName);
  });

  it("in English on request", async () => {
    const event = await buildEvent(server.db, cast, { title: "English title", titleIt: "Titolo italiano" });
    const features = await layer("?lang=en");
    expect(features.find((f) => f.id === event.id)?.properties.title).toBe("English title");
  });
});
