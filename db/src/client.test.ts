import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDatabase } from "./client.js";
import { migrateDatabase } from "./migrate.js";
import { communities } from "./schema/index.js";
import { isEmpty, seed } from "./seed/index.js";

describe("embedded PGlite on disk", () => {
  it("creates its data folder, persists across restarts and migrates idempotently", async () => {
    const root = await mkdtemp(join(tmpdir(), "pratica-pglite-"));
    const dir = join(root, "nested", "pglite");
    try {
      const first = await createDatabase({ pgliteDir: dir });
      await migrateDatabase(first);
      await seed(first.db, { demo: false });
      await first.close();

      const second = await createDatabase({ pgliteDir: dir });
      await migrateDatabase(second);
      expect(await isEmpty(second.db)).toBe(false);
      const [row] = await second.db.select({ n: sql<number>`count(*)::int` }).from(communities);
      expect(row?.n).toBe(5);
      await second.close();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
