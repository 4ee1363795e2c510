import { parse } from "csv-parse/sync";
import { z } from "zod";
import { FatalImportError, fatal } from "./problems.js";

/**
 * One call as the source gives it: the portal's `metadata`, where every value is a list of
 * strings, plus the result's own `url` and `title` when the metadata lacks them.
 */
export type RawCall = { row: number; values: Record<string, string[]> };

export type ImportFormat = "json" | "csv";

/** The metadata keys a CSV may hold several values in (a JSON array, or values separated by "|"). */
export const LIST_KEYS: ReadonlySet<string> = new Set(["keywords", "tags", "typesOfAction", "deadlineDate"]);

const metadataValue = z.union([z.array(z.unknown()), z.string(), z.number(), z.null()]);
const result = z.looseObject({
  url: z.string().optional(),
  title: z.string().optional(),
  metadata: z.record(z.string(), metadataValue),
});
// The portal's search answer ({ totalResults, results: […] }) or just its results.
const jsonExport = z.union([z.looseObject({ results: z.array(z.unknown()) }), z.array(z.unknown())]);

const asStrings = (value: z.infer<typeof metadataValue>): string[] => {
  if (value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((v) => (typeof v === "string" ? [v] : typeof v === "number" ? [String(v)] : []));
};

export function readJson(text: string): RawCall[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new FatalImportError([fatal("The file is not JSON.")]);
  }
  const shape = jsonExport.safeParse(parsed);
  if (!shape.success) {
    throw new FatalImportError([
      fatal('Expected the portal\'s search results: an object with "results" (a list) or a list.'),
    ]);
  }
  const results = Array.isArray(shape.data) ? shape.data : shape.data.results;
  return results.map((item, i) => {
    const r = result.safeParse(item);
    // A result without metadata becomes a row with no values: the importer rejects it by name.
    if (!r.success) return { row: i + 1, values: {} };
    const values: Record<string, string[]> = {};
    for (const [key, value] of Object.entries(r.data.metadata)) values[key] = asStrings(value);
    if (!values.url?.length && r.data.url) values.url = [r.data.url];
    if (!values.title?.length && r.data.title) values.title = [r.data.title];
    return { row: i + 1, values };
  });
}

/** A list cell: a JSON array of strings when it starts with "[", else values separated by "|". */
function listCell(cell: string): string[] {
  const text = cell.trim();
  if (text === "") return [];
  if (text.startsWith("[")) {
    try {
      const list = JSON.parse(text) as unknown;
      if (Array.isArray(list)) return list.filter((v): v is string => typeof v === "string");
    } catch {
      // Not JSON after all: read it as "|"-separated, the other documented form.
    }
  }
  return text
    .split("|")
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

export function readCsv(text: string): RawCall[] {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: false, relax_column_count: false });
  } catch (err) {
    throw new FatalImportError([fatal(`The file is not a readable CSV: ${(err as Error).message}`)]);
  }
  const header = records[0] ? Object.keys(records[0]) : [];
  if (records.length > 0 && !header.includes("identifier")) {
    throw new FatalImportError([
      fatal('The CSV has no "identifier" column (columns are named as the portal\'s metadata keys).'),
    ]);
  }
  return records.map((record, i) => {
    const values: Record<string, string[]> = {};
    for (const [key, cell] of Object.entries(record)) {
      values[key] = LIST_KEYS.has(key) ? listCell(cell) : cell.trim() === "" ? [] : [cell];
    }
    return { row: i + 1, values };
  });
}

export const readExport = (format: ImportFormat, text: string): RawCall[] =>
  format === "json" ? readJson(text) : readCsv(text);
