import { z } from "zod";

/** An optional text: blank means "not given" (null). */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .default(null);

/** A latitude or longitude in degrees within [min, max], or none. */
export const coordinate = (min: number, max: number, what: string) =>
  z
    .number(`Enter the ${what} as a number.`)
    .min(min, `The ${what} is between ${min} and ${max}.`)
    .max(max, `The ${what} is between ${min} and ${max}.`)
    .nullable()
    .default(null);
