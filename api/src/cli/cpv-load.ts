import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { createDatabase, type Database, loadCpvCodes, migrateDatabase, parseCpvCsv } from "@pratica/db";
import { loadConfig } from "../config.js";

/**
 * `pnpm --filter @pratica/api cpv:load <file.csv>`: loads CPV codes (ours, `code,en,it`, or the
 * official list exported from its XLSX as CSV with columns CODE, EN, IT) in one transaction,
 * upserting names and recomputing every code's level and parent (docs/buy-social.md "CPV").
 */
export async function loadCpvFile(db: Database, text: string): Promise<number> {
  const rows = parseCpvCsv(text);
  return db.transaction((tx) => loadCpvCodes(tx, rows));
}

async function main() {
  const file = process.argv[2];
  if (!file || process.argv.length > 3) {
    process.stderr.write("usage: pnpm --filter @pratica/api cpv:load <file.csv>\n");
    process.exit(2);
  }
  const config = loadConfig();
  const database = await createDatabase({ url: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
  try {
    await migrateDatabase(database);
    const count = await loadCpvFile(database.db, await readFile(file, "utf8"));
    process.stdout.write(`Loaded ${count} CPV codes from ${file}; levels and parents recomputed.\n`);
  } catch (error) {
    process.stderr.write(`Not loaded: ${(error as Error).message}\n`);
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
