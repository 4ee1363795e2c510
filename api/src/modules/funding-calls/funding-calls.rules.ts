import { PROGRAMMES, THEME_KEYS } from "@pratica/rules";
import { z } from "zod";
import { parseInput } from "../../core/validate.js";

/** The list's filters, checked before they reach SQL (each error names its argument). */
export const FUNDING_CALL_QUERY_MAX = 200;

const filters = z
  .object({
    programme: z
      .string()
      .refine((p) => (PROGRAMMES as readonly string[]).includes(p), { message: "Unknown programme." })
      .nullish(),
    theme: z
      .string()
      .refine((t) => (THEME_KEYS as readonly string[]).includes(t), { message: "Unknown theme." })
      .nullish(),
    query: z.string().trim().max(FUNDING_CALL_QUERY_MAX, `At most ${FUNDING_CALL_QUERY_MAX} characters.`).nullish(),
    deadlineFrom: z.date().nullish(),
    deadlineTo: z.date().nullish(),
  })
  .refine((f) => !f.deadlineFrom || !f.deadlineTo || f.deadlineFrom <= f.deadlineTo, {
    message: "deadlineTo must not be before deadlineFrom.",
    path: ["deadlineTo"],
  });

export type CallFilters = z.infer<typeof filters>;

export const checkFilters = (input: CallFilters): CallFilters => parseInput(filters, input);
