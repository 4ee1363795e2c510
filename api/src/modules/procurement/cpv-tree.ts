import { cpvCodes, type Executor } from "@pratica/db";
import { inArray, sql } from "drizzle-orm";
import { badInput } from "../../core/errors.js";
import type { CpvInput } from "./procurement.rules.js";

/**
 * What procurement needs of the CPV vocabulary. The cpv module's CpvService (suppliers helper)
 * answers the same; until it is merged in, `CpvTree` below reads the table itself, and index.ts
 * passes one or the other.
 */
export interface CpvLookup {
  ancestorsOrSelf(tx: Executor, codes: readonly string[]): Promise<string[]>;
  descendantsOrSelf(tx: Executor, codes: readonly string[]): Promise<string[]>;
}

/** The codes over `parent_code`, both ways, by a recursive CTE (the list has holes: parents are explicit). */
export class CpvTree implements CpvLookup {
  async ancestorsOrSelf(tx: Executor, codes: readonly string[]): Promise<string[]> {
    if (!codes.length) return [];
    const rows = await tx.execute(sql`
      with recursive up(code, parent) as (
        select code, parent_code from ${cpvCodes} where code = any(${toArray(codes)})
        union
        select c.code, c.parent_code from ${cpvCodes} c join up on c.code = up.parent
      ) select code from up`);
    return rowsOf<{ code: string }>(rows).map((r) => r.code);
  }

  async descendantsOrSelf(tx: Executor, codes: readonly string[]): Promise<string[]> {
    if (!codes.length) return [];
    const rows = await tx.execute(sql`
      with recursive down(code) as (
        select code from ${cpvCodes} where code = any(${toArray(codes)})
        union
        select c.code from ${cpvCodes} c join down on c.parent_code = down.code
      ) select code from down`);
    return rowsOf<{ code: string }>(rows).map((r) => r.code);
  }
}

/**
 * The codes people wrote, checked against the table: each exists, and its check digit (when
 * given) is the code's. Answers the eight-digit codes, deduplicated, in the order given.
 */
export async function checkCpvCodes(tx: Executor, input: readonly CpvInput[], field: string): Promise<string[]> {
  const codes = [...new Set(input.map((c) => c.code))];
  const known = new Map(
    (
      await tx
        .select({ code: cpvCodes.code, checkDigit: cpvCodes.checkDigit })
        .from(cpvCodes)
        .where(inArray(cpvCodes.code, codes))
    ).map((r) => [r.code, r.checkDigit]),
  );
  for (const c of input) {
    const check = known.get(c.code);
    if (check === undefined) throw badInput(field, `${c.code} is not a CPV code.`, { code: c.code });
    if (c.checkDigit !== null && c.checkDigit !== check)
      throw badInput(field, `${c.code}-${c.checkDigit}: the check digit of ${c.code} is ${check}.`, { code: c.code });
  }
  return codes;
}

const toArray = (codes: readonly string[]) => sql`array[${sql.join(
  codes.map((c) => sql`${c}`),
  sql`, `,
)}]::text[]`;

/** db.execute answers an array (postgres.js) or `{ rows }` (PGlite). */
const rowsOf = <T>(result: unknown): T[] =>
  Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
