import "reflect-metadata";
import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { pathToFileURL } from "node:url";
import { createDatabase, type DatabaseHandle, migrateDatabase } from "@pratica/db";
import { FUNDING_IMPORT_MAX_BYTES } from "@pratica/rules";
import { loadConfig } from "../config.js";
import { FundingCallImporter, type ImportOutcome } from "../modules/funding-calls/import/importer.js";
import { fatal } from "../modules/funding-calls/import/problems.js";
import type { ImportFormat } from "../modules/funding-calls/import/read.js";

/**
 * `pnpm --filter @pratica/api funding:import <file.json|file.csv> [--source EU_FT]`: imports an
 * export of the Funding & Tenders portal's search results (docs/hub.md, "Importing"), as an admin's
 * upload does, and prints the report. Exit code 0 when imported (even with warnings or rejected
 * rows), 1 when the file could not be read (nothing written), 2 for a wrong command line.
 */

export type ImportArgs = { file: string; source: string; format: ImportFormat };

const USAGE = "usage: pnpm --filter @pratica/api funding:import <file.json|file.csv> [--source EU_FT]";

export function parseArgs(argv: readonly string[]): ImportArgs {
  const rest = [...argv];
  let source = "EU_FT";
  const at = rest.indexOf("--source");
  if (at >= 0) {
    const value = rest[at + 1];
    if (!value || !/^[A-Z0-9_]{1,40}$/.test(value)) throw new Error(USAGE);
    source = value;
    rest.splice(at, 2);
  }
  if (rest.length !== 1 || !rest[0]) throw new Error(USAGE);
  const ext = extname(rest[0]).toLowerCase();
  if (ext !== ".json" && ext !== ".csv") throw new Error(`${USAGE}\nThe file must end in .json or .csv.`);
  return { file: rest[0], source, format: ext === ".json" ? "json" : "csv" };
}

/** The report as lines for a person at a terminal. */
export function describe(outcome: ImportOutcome): string[] {
  const problems = outcome.problems.map(
    (p) =>
      `  ${p.severity.padEnd(8)} ${p.row ? `row ${p.row}` : "file"}${p.identifier ? ` ${p.identifier}` : ""}${p.field ? ` [${p.field}]` : ""}: ${p.reason}`,
  );
  if (!outcome.ok) return ["Nothing imported: the file could not be read.", ...problems];
  const c = outcome.counts;
  return [
    `Imported (import ${outcome.id}): ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.archived} archived, ${c.rejected} rejected.`,
    ...(problems.length ? ["Problems:", ...problems] : []),
  ];
}

export async function importFile(database: DatabaseHandle, args: ImportArgs, now = new Date()): Promise<ImportOutcome> {
  const { size } = await stat(args.file);
  if (size > FUNDING_IMPORT_MAX_BYTES) {
    return { ok: false, problems: [fatal(`The file is larger than ${FUNDING_IMPORT_MAX_BYTES} bytes.`)] };
  }
  const body = await readFile(args.file);
  const fileName = args.file.split(/[\\/]/).pop() ?? args.file;
  return new FundingCallImporter(database.db, () => now).run({
    source: args.source,
    fileName,
    format: args.format,
    body,
    actorId: null,
  });
}

async function main() {
  let args: ImportArgs;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  const config = loadConfig();
  const database = await createDatabase({ url: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
  try {
    await migrateDatabase(database);
    const outcome = await importFile(database, args);
    for (const line of describe(outcome)) process.stdout.write(`${line}\n`);
    if (!outcome.ok) process.exitCode = 1;
  } catch (error) {
    process.stderr.write(`Not imported: ${(error as Error).message}\n`);
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
