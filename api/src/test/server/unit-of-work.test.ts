import { communities } from "@pratica/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type RowLock, unitOfWork } from "../../core/unit-of-work.js";
import { freshDatabase } from "../database.js";
import { buildCommunity } from "../factories.js";

// The unit of work itself: what it tells runs only after COMMIT, and locks go in one order.

let handle: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  handle = await freshDatabase();
});
afterAll(() => handle?.drop());

const lockOf = (kind: RowLock<unknown>["kind"]): RowLock<{ id: string }> => ({
  kind,
  take: async (tx, id) => (await tx.select({ id: communities.id }).from(communities).where(eq(communities.id, id)))[0],
});

describe("unitOfWork", () => {
  it("runs what it collected after the commit, in order, when the rows are there to be read", async () => {
    const community = await buildCommunity(handle.db);
    const seen: string[] = [];
    const value = await unitOfWork(handle.db, async ({ tx, afterCommit }) => {
      await tx.update(communities).set({ name: "Renamed" }).where(eq(communities.id, community.id));
      afterCommit(() => seen.push("first"));
      afterCommit(() => seen.push("second"));
      expect(seen).toEqual([]);
      return 42;
    });
    expect(value).toBe(42);
    expect(seen).toEqual(["first", "second"]);
    const [row] = await handle.db.select().from(communities).where(eq(communities.id, community.id));
    expect(row?.name).toBe("Renamed");
  });

  it("answers the committed write even when telling others fails, and runs the effects after the failing one", async () => {
    const community = await buildCommunity(handle.db);
    const seen: string[] = [];
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const value = await unitOfWork(handle.db, async ({ afterCommit }) => {
        afterCommit(() => {
          throw new Error("the bus is down");
        });
        afterCommit(() => seen.push("second"));
        return community.id;
      });
      expect(value).toBe(community.id);
      expect(seen).toEqual(["second"]);
      expect(quiet).toHaveBeenCalledOnce();
    } finally {
      quiet.mockRestore();
    }
  });

  it("tells nothing and writes nothing when the work fails", async () => {
    const community = await buildCommunity(handle.db);
    const seen: string[] = [];
    await expect(
      unitOfWork(handle.db, async ({ tx, afterCommit }) => {
        await tx.update(communities).set({ name: "Never" }).where(eq(communities.id, community.id));
        afterCommit(() => seen.push("told"));
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(seen).toEqual([]);
    const [row] = await handle.db.select().from(communities).where(eq(communities.id, community.id));
    expect(row?.name).toBe(community.name);
  });

  it("refuses a lock taken against LOCK_ORDER, and rolls the work back", async () => {
    const [a, b] = [await buildCommunity(handle.db), await buildCommunity(handle.db)].sort((x, y) =>
      x.id < y.id ? -1 : 1,
    );
    if (!a || !b) throw new Error("communities not built");
    // In order: a kind before a later kind, rows of one kind by ascending id, the same row again.
    await unitOfWork(handle.db, async ({ lock }) => {
      await lock(lockOf("community"), a.id);
      await lock(lockOf("community"), b.id);
      await lock(lockOf("community"), b.id);
      await lock(lockOf("thread"), a.id);
    });
    await expect(
      unitOfWork(handle.db, async ({ lock }) => {
        await lock(lockOf("thread"), a.id);
        await lock(lockOf("community"), a.id);
      }),
    ).rejects.toThrow("lock order");
    await expect(
      unitOfWork(handle.db, async ({ lock }) => {
        await lock(lockOf("community"), b.id);
        await lock(lockOf("community"), a.id);
      }),
    ).rejects.toThrow("lock order");
  });
});
