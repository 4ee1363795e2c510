import { describe, expect, it } from "vitest";
import { gql } from "../client.js";
import type { TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { buildCast, THRESHOLD } from "./support.js";

const server = useTestServer();

const READ = `query($slug: String!) { community(slug: $slug) { id autoHideThreshold } }`;

describe("Community.autoHideThreshold (the queue's setting form)", () => {
  it("is read by those who may set it; null for everyone else", async () => {
    const c = await buildCast(server.db, 4);
    const read = async (by?: TestUser) => {
      const result = await gql<{ community: { autoHideThreshold: number | null } }>(
        server.url,
        READ,
        { slug: c.community.slug },
        { token: by?.token },
      );
      expect(result.errors).toBeUndefined();
      return result.data?.community.autoHideThreshold;
    };
    expect(await read(c.facilitator)).toBe(4);
    expect(await read(c.admin)).toBe(4);
    // Nobody else learns how many reports would hide what they write.
    expect(await read()).toBeNull();
    expect(await read(c.member)).toBeNull();
    expect(await read(c.author)).toBeNull();
    expect(await read(c.otherFacilitator)).toBeNull();
  });

  it("follows setAutoHideThreshold, off included", async () => {
    const c = await buildCast(server.db, 3);
    const set = (t: number | null) =>
      gql(server.url, THRESHOLD, { c: c.community.id, t }, { token: c.facilitator.token });
    const read = async () =>
      (
        await gql<{ community: { autoHideThreshold: number | null } }>(
          server.url,
          READ,
          { slug: c.community.slug },
          { token: c.facilitator.token },
        )
      ).data?.community.autoHideThreshold;
    expect((await set(7.5)).errors).toBeUndefined();
    expect(await read()).toBe(7.5);
    expect((await set(null)).errors).toBeUndefined();
    expect(await read()).toBeNull();
  });
});
