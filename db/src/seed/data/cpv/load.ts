import { sql } from "drizzle-orm";
import type { Executor } from "../../../client.js";
import { cpvCodes } from "../../../schema/index.js";

export type CpvCsvRow = { code: string; checkDigit: number; nameEn: string; nameIt: string };

/**
 * Reads the CPV CSV shapes: ours (`code,en,it`) and the official list exported from its XLSX
 * (`CODE,EN,IT,…`: other language columns are ignored). Codes carry their check digit
 * ("90910000-9"). RFC 4180 quoting; a byte-order mark is skipped. Throws naming the line.
 */
export function parseCpvCsv(text: string): CpvCsvRow[] {
  const records = parseCsv(text.replace(/^\uFEFF/, ""));
  const header = (records.shift() ?? []).map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const [code, en, it] = [col("code"), col("en"), col("it")];
  if (code < 0 || en < 0 || it < 0) throw new Error("CPV CSV: the header needs the columns code, en and it");
  const rows: CpvCsvRow[] = [];
  for (const [i, r] of records.entries()) {
    if (r.length === 1 && r[0]?.trim() === "") continue;
    const m = /^(\d{8})-(\d)$/.exec((r[code] ?? "").trim());
    if (!m) throw new Error(`CPV CSV line ${i + 2}: "${r[code] ?? ""}" is not a code like 90910000-9`);
    const nameEn = (r[en] ?? "").trim();
    rows.push({ code: m[1] as string, checkDigit: Number(m[2]), nameEn, nameIt: (r[it] ?? "").trim() || nameEn });
  }
  return rows;
}

/** Records of a CSV text: fields split on commas, quotes doubled inside quoted fields. */
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      out.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    out.push(row);
  }
  return out;
}

/**
 * Upserts the codes, then writes every code's level and parent from what the table holds: the
 * parent is the nearest existing code obtained by zeroing its last significant digits, so a code
 * whose immediate parent is missing from the list (a "hole") hangs from the next one up.
 * Answers how many rows were read. Runs in the caller's transaction.
 */
export async function loadCpvCodes(tx: Executor, rows: readonly CpvCsvRow[]): Promise<number> {
  for (let at = 0; at < rows.length; at += 500) {
    const chunk = rows.slice(at, at + 500).map((r) => ({ ...r, level: 1, parentCode: null }));
    await tx
      .insert(cpvCodes)
      .values(chunk)
      .onConflictDoUpdate({
        target: cpvCodes.code,
        set: {
          checkDigit: sql`excluded.check_digit`,
          nameEn: sql`excluded.name_en`,
          nameIt: sql`excluded.name_it`,
        },
      });
  }
  // Level: 1 division (XX000000), 2 group, 3 class, 4 category, 5 anything finer.
  await tx.execute(sql`update cpv_codes c set
      level = least(greatest(length(rtrim(c.code, '0')), 2) - 1, 5),
      parent_code = (
        select p.code from cpv_codes p, generate_series(2, 7) k
        where k < length(rtrim(c.code, '0')) and p.code = rpad(left(c.code, k), 8, '0')
        order by k desc limit 1)`);
  return rows.length;
}
