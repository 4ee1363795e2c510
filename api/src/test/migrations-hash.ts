import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/** A short hash of every migration file: a template database named by it is never stale. */
export async function migrationsHash(): Promise<string> {
  const dir = join(import.meta.dirname, "../../../db/migrations");
  const hash = createHash("sha256");
  for (const name of (await readdir(dir, { recursive: true })).sort()) {
    if (name.endsWith(".sql") || name.endsWith(".json")) hash.update(name).update(await readFile(join(dir, name)));
  }
  return hash.digest("hex").slice(0, 16);
}
