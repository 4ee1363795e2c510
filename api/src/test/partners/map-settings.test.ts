import { describe, expect, it } from "vitest";
import { loadConfig } from "../../config.js";
import { gql } from "../client.js";
import { useTestServer } from "../fixture.js";

const QUERY = `{ mapSettings { tileUrl attribution } themes { key name } sdgs { number name } }`;

describe("with no tile server configured", () => {
  const server = useTestServer();
  it("mapSettings says so (null), and the page loads no remote image", async () => {
    const res = await gql(server.url, QUERY, {}, { headers: { "accept-language": "it" } });
    expect(res.data?.mapSettings).toEqual({ tileUrl: null, attribution: null });
    expect(res.data?.themes).toHaveLength(10);
    expect(res.data?.themes[1]).toEqual({ key: "circular-economy", name: "Economia circolare" });
    expect(res.data?.sdgs).toHaveLength(17);
    expect(res.data?.sdgs[16]).toEqual({ number: 17, name: "Partnership per gli obiettivi" });
    const page = await fetch(server.url.replace(/\/graphql$/, "/"));
    expect(page.headers.get("content-security-policy")).toContain("img-src 'self' data:;");
  });
});

describe("with MAP_TILE_URL and MAP_ATTRIBUTION", () => {
  const server = useTestServer({
    MAP_TILE_URL: "https://{s}.tiles.example.org/{z}/{x}/{y}.png",
    MAP_ATTRIBUTION: "© Example Tiles",
  });
  it("mapSettings gives them, and the page may load images from the tiles' origin only", async () => {
    const res = await gql(server.url, QUERY);
    expect(res.data?.mapSettings).toEqual({
      tileUrl: "https://{s}.tiles.example.org/{z}/{x}/{y}.png",
      attribution: "© Example Tiles",
    });
    const page = await fetch(server.url.replace(/\/graphql$/, "/"));
    expect(page.headers.get("content-security-policy")).toContain("img-src 'self' data: https://*.tiles.example.org;");
  });
});

describe("the configuration", () => {
  it("refuses a tile URL that is not an http(s) template with {z}, {x} and {y}; an empty one is unset", () => {
    for (const bad of ["ftp://tiles.example.org/{z}/{x}/{y}.png", "https://tiles.example.org/tile.png", "tiles"]) {
      expect(() => loadConfig({ NODE_ENV: "test", MAP_TILE_URL: bad }), bad).toThrow(/MAP_TILE_URL/);
    }
    expect(loadConfig({ NODE_ENV: "test", MAP_TILE_URL: "", MAP_ATTRIBUTION: "" })).toMatchObject({
      MAP_TILE_URL: undefined,
      MAP_ATTRIBUTION: undefined,
    });
  });
});
