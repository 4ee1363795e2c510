import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLoaders, createSharedLoaders } from "../../app/compose.js";
import { freshDatabase } from "../database.js";
import { buildUser } from "../factories.js";

let handle: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  handle = await freshDatabase();
});
afterAll(() => handle?.drop());

describe("request loaders, built when first used", () => {
  it("hands out one loader per name and request, fresh for the next request", async () => {
    const viewer = await buildUser(handle.db);
    const first = createLoaders(handle.db, { id: viewer.id, role: "USER", sessionId: "s", verified: true });
    const second = createLoaders(handle.db, null);
    expect(first.userById).toBe(first.userById);
    expect(first.userById).not.toBe(second.userById);
    expect(first.readMarker).toBe(first.readMarker);
    expect(first.readMarker).not.toBe(second.readMarker);
    expect((await first.userById.load(viewer.id))?.id).toBe(viewer.id);
  });

  it("lends an event's shared loaders to every viewer's set", () => {
    const shared = createSharedLoaders(handle.db);
    const a = createLoaders(handle.db, null, shared);
    const b = createLoaders(handle.db, null, shared);
    expect(a.postById).toBe(shared.postById);
    expect(b.postById).toBe(shared.postById);
    expect(a.viewerMembership).not.toBe(b.viewerMembership);
  });

  it("has every loader the eager object had", () => {
    const loaders = createLoaders(handle.db, null);
    for (const name of ["userById", "communityById", "threadById", "postById", "reactionsByPost", "viewerMembership"])
      expect(typeof (loaders as unknown as Record<string, { load?: unknown }>)[name]?.load).toBe("function");
    expect(Object.keys(Object.getPrototypeOf(loaders))).toContain("unreadCount");
  });
});
