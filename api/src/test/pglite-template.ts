import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase, migrateDatabase } from "@pratica/db";
import { migrationsHash } from "./migrations-hash.js";

/**
 * Vitest global setup of the "pglite" project: one migrated in-memory PGlite, dumped once to a
 * tarball that every test file's database then starts from (test/database.ts). Measured here:
 * creating an in-memory PGlite runs initdb inside WebAssembly (~2 s on this 2-core machine) and
 * the migrations add ~0.4 s, while loading the dumped directory takes ~0.3 s — for each of the
 * ~130 api test files. The tarball's name carries a hash of the migrations, so a changed
 * migration never starts from a stale copy.
 */
export default async function setup(): Promise<void> {
  const path = join(tmpdir(), `pratica-pglite-${await migrationsHash()}.tar`);
  const handle = await createDatabase({ pgliteDir: "memory://" });
  try {
    await migrateDatabase(handle);
    if (handle.kind !== "pglite") throw new Error("expected PGlite");
    const dump = await handle.client.dumpDataDir("none");
    await writeFile(path, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await handle.close();
  }
  // Read by test/database.ts in the workers, which inherit this process's environment.
  process.env.PRATICA_PGLITE_TEMPLATE = path;
}
