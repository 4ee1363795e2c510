import { CPV_CODE_PATTERN } from "@pratica/rules";

/**
 * The CPV check digit: the digits weighted 3, 7, 1, 3, 7, 1, 3, 7, summed, modulo 10. Checked
 * against codes of the official list (api/src/test/cpv/check-digit.test.ts); the list stays the
 * authority — the loader stores the digit it reads, and validation compares with the stored one.
 */
const WEIGHTS = [3, 7, 1, 3, 7, 1, 3, 7] as const;

export const cpvCheckDigit = (code: string): number => {
  let sum = 0;
  for (const [i, w] of WEIGHTS.entries()) sum += Number(code[i]) * w;
  return sum % 10;
};

/**
 * "90910000" or "90910000-9" → its eight digits and the digit written (null when none), or null
 * when it is not a CPV code's shape.
 */
export const parseCpv = (input: string): { code: string; checkDigit: number | null } | null => {
  const m = CPV_CODE_PATTERN.exec(input.trim());
  if (!m) return null;
  return { code: m[1] as string, checkDigit: m[2] === undefined ? null : Number(m[2]) };
};

/**
 * The level in the hierarchy: 1 division (XX000000), 2 group (XXX00000), 3 class (XXXX0000),
 * 4 category (XXXXX000), 5 below (subcategories: the last three digits).
 */
export const cpvLevel = (code: string): number => {
  const significant = code.replace(/0+$/, "").length;
  if (significant <= 2) return 1;
  return Math.min(significant - 1, 5);
};

/**
 * The codes above this one, nearest first, obtained by zeroing its last significant digits
 * ("90911200" → 90911000, 90910000, 90900000, 90000000); the loader keeps the first that exists.
 */
export const cpvAncestorCandidates = (code: string): string[] => {
  const out: string[] = [];
  const significant = Math.max(code.replace(/0+$/, "").length, 2);
  for (let keep = significant - 1; keep >= 2; keep--) out.push(code.slice(0, keep).padEnd(8, "0"));
  return out;
};

/** The printed form, "90910000-9". */
export const formatCpv = (code: string, checkDigit: number): string => `${code}-${checkDigit}`;
