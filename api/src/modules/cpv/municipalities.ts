import { METRO_MUNICIPALITIES } from "@pratica/rules";
import { badInput } from "../../core/errors.js";

export type MunicipalityValue = { code: string; name: string };

const byCode = new Map(METRO_MUNICIPALITIES.map((m) => [m.code, m]));

/** The municipality with that ISTAT code, if it is one of the metropolitan area. */
export const municipality = (code: string): MunicipalityValue | undefined => byCode.get(code);

/** The municipalities of these codes, in the order given (unknown ones left out: they were checked on write). */
export const municipalities = (codes: readonly string[]): MunicipalityValue[] =>
  codes.flatMap((c) => {
    const m = byCode.get(c);
    return m ? [m] : [];
  });

/** Codes as written, deduplicated; one that is not a municipality of the area is BAD_USER_INPUT naming `field`. */
export const checkMunicipalities = (
  codes: readonly string[],
  field: string,
  max = METRO_MUNICIPALITIES.length,
): string[] => {
  const out: string[] = [];
  for (const raw of codes) {
    const code = raw.trim();
    if (!byCode.has(code)) {
      throw badInput(field, `"${raw}" is not the ISTAT code of a municipality of the metropolitan area.`, {
        value: raw,
      });
    }
    if (!out.includes(code)) out.push(code);
  }
  if (out.length > max) throw badInput(field, `At most ${max} municipalities.`, { max });
  return out;
};
