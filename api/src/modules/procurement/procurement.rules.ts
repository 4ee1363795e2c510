import { budgetBand, certificationKind } from "@pratica/db";
import {
  BUYER_REQUEST_DESCRIPTION_MAX,
  BUYER_REQUEST_TITLE_MAX,
  METRO_MUNICIPALITIES,
  OUTCOME_NOTE_MAX,
  REQUEST_CPV_MAX,
  SUPPLIER_ANSWER_MAX,
} from "@pratica/rules";
import { z } from "zod";
import { visibleText } from "../../core/validate.js";

/** The ISTAT codes of the metropolitan area's municipalities (Query.municipalities lists them). */
const MUNICIPALITY_CODES: ReadonlySet<string> = new Set(METRO_MUNICIPALITIES.map((m) => m.code));
/** Euro, whole: the columns are bigint; a trillion bounds a typo, not a budget. */
const AMOUNT_MAX = 1_000_000_000_000;

const title = visibleText(
  z
    .string()
    .trim()
    .min(1, "Give the request a title.")
    .max(BUYER_REQUEST_TITLE_MAX, `The title may be at most ${BUYER_REQUEST_TITLE_MAX} characters.`),
);

/** A request's fields, as create and update take them. */
const requestFields = {
  title,
  description: z
    .string()
    .trim()
    .max(BUYER_REQUEST_DESCRIPTION_MAX, `The description may be at most ${BUYER_REQUEST_DESCRIPTION_MAX} characters.`)
    .default(""),
  cpvCodes: z
    // Checked against the vocabulary by CpvService.validate in the unit of work.
    .array(z.string())
    .min(1, "Choose at least one CPV code: suppliers are matched by them.")
    .max(REQUEST_CPV_MAX, `Choose at most ${REQUEST_CPV_MAX} CPV codes.`),
  area: z
    .array(
      z
        .string()
        .trim()
        .refine((code) => MUNICIPALITY_CODES.has(code), "Choose municipalities of the metropolitan area."),
    )
    .max(METRO_MUNICIPALITIES.length, "Choose each municipality once.")
    .default([]),
  wholeMetroArea: z.boolean().default(false),
  budgetBand: z.enum(budgetBand.enumValues, "Choose a budget band."),
  deadlineAt: z.date("Give the deadline for answers."),
  preferredCertifications: z.array(z.enum(certificationKind.enumValues)).max(5).default([]),
};

/** Where the work is: some municipalities, or the whole metropolitan area (then no list). */
const withArea = <T extends { area: string[]; wholeMetroArea: boolean }>(v: T, ctx: z.RefinementCtx) => {
  if (!v.wholeMetroArea && v.area.length === 0) {
    ctx.addIssue({ code: "custom", path: ["area"], message: "Choose municipalities or the whole metropolitan area." });
  }
};
const tidyArea = <T extends { area: string[]; wholeMetroArea: boolean }>(v: T): T => ({
  ...v,
  area: v.wholeMetroArea ? [] : [...new Set(v.area)].sort(),
});

export const createRequestRules = z
  .object({ organizationId: z.uuid("Choose an organisation."), ...requestFields })
  .superRefine(withArea)
  .transform(tidyArea);

export const updateRequestRules = z
  .object({ id: z.string(), version: z.number().int(), ...requestFields })
  .superRefine(withArea)
  .transform(tidyArea);

export type RequestFields = Omit<z.output<typeof createRequestRules>, "organizationId">;

const amount = z
  .number("Give the amount in euro.")
  .int("Give the amount in whole euro.")
  .min(0, "The amount cannot be negative.")
  .max(AMOUNT_MAX, "This amount is beyond any request's.");

const outcomeNote = (required: boolean) => {
  const text = z.string().trim().max(OUTCOME_NOTE_MAX, `The note may be at most ${OUTCOME_NOTE_MAX} characters.`);
  return required
    ? visibleText(text.min(1, "Say why the request closes without an award."))
    : text
        .transform((v) => (v === "" ? null : v))
        .nullable()
        .default(null);
};

export const awardRules = z.object({
  id: z.string(),
  version: z.number().int(),
  answerId: z.string(),
  amount,
  outcomeNote: outcomeNote(false),
});

export const closeRules = z.object({ id: z.string(), version: z.number().int(), outcomeNote: outcomeNote(true) });

const body = visibleText(
  z
    .string()
    .trim()
    .min(1, "Write your answer.")
    .max(SUPPLIER_ANSWER_MAX, `The answer may be at most ${SUPPLIER_ANSWER_MAX} characters.`),
);

export const answerRules = z.object({
  requestId: z.string(),
  organizationId: z.uuid("Choose an organisation."),
  body,
  amount: amount.nullable().default(null),
});

export const updateAnswerRules = z.object({
  id: z.string(),
  version: z.number().int(),
  body,
  amount: amount.nullable().default(null),
});
