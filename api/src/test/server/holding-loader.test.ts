import { describe, expect, it } from "vitest";
import { groupedLoader, keyedLoader } from "../../core/loader.js";

describe("loadNow of keyed and grouped loaders", () => {
  const make = () => {
    const batches: string[][] = [];
    const loader = keyedLoader(
      async (ids: readonly string[]) => {
        batches.push([...ids]);
        return ids.filter((id) => id !== "missing").map((id) => ({ id }));
      },
      (row) => row.id,
    );
    return { loader, batches };
  };

  it("answers primed and loaded rows without a promise, and batches the rest like load", async () => {
    const { loader, batches } = make();
    loader.prime("a", { id: "a" });
    expect(loader.loadNow("a")).toEqual({ id: "a" });
    const pending = [loader.loadNow("b"), loader.loadNow("missing")];
    expect(pending.every((p) => p instanceof Promise)).toBe(true);
    expect(await Promise.all(pending)).toEqual([{ id: "b" }, null]);
    expect(batches).toEqual([["b", "missing"]]);
    expect(loader.loadNow("b")).toEqual({ id: "b" });
    expect(loader.loadNow("missing")).toBeNull();
  });

  it("forgets what is cleared", async () => {
    const { loader, batches } = make();
    loader.prime("a", { id: "a" });
    loader.clear("a");
    const reloaded = loader.loadNow("a");
    expect(reloaded).toBeInstanceOf(Promise);
    await reloaded;
    loader.clearAll();
    await loader.load("c");
    expect(batches).toEqual([["a"], ["c"]]);
  });

  it("answers a grouped loader's lists once loaded, empty lists included", async () => {
    const loader = groupedLoader(
      async (ids: readonly string[]) => ids.filter((id) => id !== "none").map((id) => ({ id, n: 1 })),
      (row) => row.id,
    );
    expect(loader.loadNow("a")).toBeInstanceOf(Promise);
    await Promise.all([loader.load("a"), loader.load("none")]);
    expect(loader.loadNow("a")).toEqual([{ id: "a", n: 1 }]);
    expect(loader.loadNow("none")).toEqual([]);
  });
});
