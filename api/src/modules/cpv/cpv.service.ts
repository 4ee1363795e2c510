import { type CpvCodeRow, cpvCodes, type Database, type Executor } from "@pratica/db";
import { asc, ilike, inArray, like, or, type SQL, sql } from "drizzle-orm";
import { badInput } from "../../core/errors.js";
import { cpvCheckDigit, parseCpv } from "./check-digit.js";

/** db.execute answers an array (postgres.js) or `{ rows }` (PGlite). */
const rowsOf = <T>(result: unknown): T[] =>
  Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);

/** How many codes a search answers at most, whatever `first` asks. */
export const CPV_SEARCH_MAX = 50;

const textList = (codes: readonly string[]): SQL =>
  sql.join(
    codes.map((c) => sql`${c}`),
    sql`, `,
  );

/**
 * The CPV vocabulary (docs/buy-social.md "CPV"): reading and checking the codes people write,
 * and the hierarchy both ways, which supplier matching and the directory's filter use.
 */
export class CpvService {
  constructor(private readonly db: Database) {}

  /**
   * The eight digits of each code written ("90910000" or "90910000-9"), without duplicates, in
   * the order given. A malformed code or a wrong check digit is BAD_USER_INPUT naming `field` and
   * the code; whether the code exists is `validate`'s question.
   */
  normalize(input: readonly string[], field = "cpvCodes"): string[] {
    const out: string[] = [];
    for (const raw of input) {
      const parsed = parseCpv(raw);
      if (!parsed)
        throw badInput(field, `"${raw}" is not a CPV code (eight digits, optionally "-" and the check digit).`, {
          value: raw,
        });
      if (parsed.checkDigit !== null && parsed.checkDigit !== cpvCheckDigit(parsed.code)) {
        throw badInput(field, `The check digit of the CPV code "${raw}" is wrong.`, {
          value: raw,
          reason: "CHECK_DIGIT",
        });
      }
      if (!out.includes(parsed.code)) out.push(parsed.code);
    }
    return out;
  }

  /**
   * `normalize`, then every code must be in the vocabulary, with the check digit written (when
   * one is) equal to the stored one: the list is the authority. Answers the eight-digit codes.
   */
  async validate(tx: Executor, input: readonly string[], field = "cpvCodes"): Promise<string[]> {
    const codes = this.normalize(input, field);
    if (codes.length === 0) return codes;
    const found = await tx
      .select({ code: cpvCodes.code, checkDigit: cpvCodes.checkDigit })
      .from(cpvCodes)
      .where(inArray(cpvCodes.code, codes));
    const digits = new Map(found.map((r) => [r.code, r.checkDigit]));
    for (const raw of input) {
      const parsed = parseCpv(raw) as { code: string; checkDigit: number | null };
      const stored = digits.get(parsed.code);
      if (stored === undefined) {
        throw badInput(field, `The CPV code "${raw}" does not exist.`, { value: raw, reason: "UNKNOWN" });
      }
      if (parsed.checkDigit !== null && parsed.checkDigit !== stored) {
        throw badInput(field, `The check digit of the CPV code "${raw}" is wrong.`, {
          value: raw,
          reason: "CHECK_DIGIT",
        });
      }
    }
    return codes;
  }

  /** The codes and everything below them (recursive over parent_code, so holes are followed). */
  async descendantsOrSelf(codes: readonly string[], tx: Executor = this.db): Promise<string[]> {
    if (codes.length === 0) return [];
    const rows = rowsOf<{ code: string }>(
      await tx.execute(sql`with recursive d(code) as (
          select ${cpvCodes.code} from ${cpvCodes} where ${cpvCodes.code} in (${textList(codes)})
          union
          select c.code from cpv_codes c join d on c.parent_code = d.code)
        select code from d order by code`),
    );
    return rows.map((r) => r.code);
  }

  /** The codes and every code above them, up to their divisions. */
  async ancestorsOrSelf(codes: readonly string[], tx: Executor = this.db): Promise<string[]> {
    if (codes.length === 0) return [];
    const rows = rowsOf<{ code: string }>(
      await tx.execute(sql`with recursive a(code, parent_code) as (
          select ${cpvCodes.code}, ${cpvCodes.parentCode} from ${cpvCodes} where ${cpvCodes.code} in (${textList(codes)})
          union
          select c.code, c.parent_code from cpv_codes c join a on c.code = a.parent_code)
        select code from a order by code`),
    );
    return rows.map((r) => r.code);
  }

  /** One code as written ("90910000" or "90910000-9"); null when malformed, unknown or its check digit is wrong. */
  async find(input: string): Promise<CpvCodeRow | null> {
    const parsed = parseCpv(input);
    if (!parsed) return null;
    const [row] = await this.db
      .select()
      .from(cpvCodes)
      .where(inArray(cpvCodes.code, [parsed.code]));
    if (!row || (parsed.checkDigit !== null && parsed.checkDigit !== row.checkDigit)) return null;
    return row;
  }

  /**
   * Codes by prefix of their digits (trailing zeros of a division or group need not be typed:
   * "909" finds 90900000, 90910000…) or by words of their English or Italian name, by code.
   */
  async search(query: string | null, prefix: string | null, first: number): Promise<CpvCodeRow[]> {
    const limit = Math.max(1, Math.min(first, CPV_SEARCH_MAX));
    const conditions: SQL[] = [];
    const digits = prefix?.trim().replace(/-\d$/, "") ?? "";
    if (digits !== "") {
      if (!/^\d{1,8}$/.test(digits)) throw badInput("prefix", "A CPV prefix is one to eight digits.");
      conditions.push(like(cpvCodes.code, `${digits}%`));
    }
    const words = query?.trim() ?? "";
    if (words !== "") {
      if (/^\d[\d-]*$/.test(words)) conditions.push(like(cpvCodes.code, `${words.replace(/-\d$/, "")}%`));
      else {
        for (const word of words.split(/\s+/).slice(0, 5)) {
          const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
          conditions.push(or(ilike(cpvCodes.nameEn, pattern), ilike(cpvCodes.nameIt, pattern)) as SQL);
        }
      }
    }
    return this.db
      .select()
      .from(cpvCodes)
      .where(conditions.length ? sql.join(conditions, sql` and `) : undefined)
      .orderBy(asc(cpvCodes.code))
      .limit(limit);
  }
}
