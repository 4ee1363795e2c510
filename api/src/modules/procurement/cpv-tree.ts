import { cpvCodes, type Executor } from "@pratica/db";
import { inArray } from "drizzle-orm";
import { badInput } from "../../core/errors.js";
import type { CpvService } from "../cpv/cpv.service.js";
import type { CpvInput } from "./procurement.rules.js";

/** What procurement needs of the CPV vocabulary: the cpv module's CpvService (ctx.services.cpv). */
export type CpvLookup = Pick<CpvService, "ancestorsOrSelf" | "descendantsOrSelf">;

/**
 * The codes people wrote, checked against the table (as CpvService.validate does; this one names
 * the code in `extensions.cpvCode`, where validate's `code` would replace the error's code): each exists, and its check digit (when
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
    if (check === undefined) throw badInput(field, `${c.code} is not a CPV code.`, { cpvCode: c.code });
    if (c.checkDigit !== null && c.checkDigit !== check)
      throw badInput(field, `${c.code}-${c.checkDigit}: the check digit of ${c.code} is ${check}.`, { cpvCode: c.code });
  }
  return codes;
}
