import { certificationKind } from "@pratica/db";
import {
  CERTIFICATION_LABEL_MAX,
  CERTIFICATION_NOTE_MAX,
  SUPPLIER_CAPACITY_MAX,
  SUPPLIER_CPV_MAX,
  SUPPLIER_OFFER_MAX,
} from "@pratica/rules";
import { z } from "zod";
import { optionalText } from "../../core/input-rules.js";

/** The B Impact Assessment's scale: a certified B Corp scores at least 80 of 200. */
export const BCORP_SCORE_MAX = 200;
/** Links are https only: evidence and reports are opened by other people. */
const URL_MAX = 500;

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters.`).default("");
const httpsUrl = z
  .string()
  .trim()
  .max(URL_MAX, `At most ${URL_MAX} characters.`)
  .refine((v) => v === "" || /^https:\/\/[^\s/]+\.[^\s]+$/.test(v), "Enter the link as https://…")
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .default(null);
const isoDate = z.iso.date("Enter a date as YYYY-MM-DD.").nullable().default(null);

export const saveSupplierProfileRules = z.object({
  organizationId: z.uuid("Choose an organisation."),
  version: z.number().int().positive().nullable().default(null),
  offerEn: text(SUPPLIER_OFFER_MAX),
  offerIt: text(SUPPLIER_OFFER_MAX),
  capacity: text(SUPPLIER_CAPACITY_MAX),
  cpvCodes: z.array(z.string().max(20)).max(SUPPLIER_CPV_MAX, `At most ${SUPPLIER_CPV_MAX} CPV codes.`),
  serviceArea: z.array(z.string().max(10)).max(400),
  wholeMetroArea: z.boolean(),
  published: z.boolean(),
});
export type SaveSupplierProfile = z.output<typeof saveSupplierProfileRules>;

const certificationFields = z.object({
  kind: z.enum(certificationKind.enumValues, "Choose a kind of certification."),
  label: optionalText(CERTIFICATION_LABEL_MAX),
  evidenceUrl: httpsUrl,
  evidenceNote: text(CERTIFICATION_NOTE_MAX),
  validFrom: isoDate,
  validUntil: isoDate,
  bcorpScore: z
    .number()
    .min(0, `A B Impact score is between 0 and ${BCORP_SCORE_MAX}.`)
    .max(BCORP_SCORE_MAX, `A B Impact score is between 0 and ${BCORP_SCORE_MAX}.`)
    .nullable()
    .default(null),
  recertificationDue: isoDate,
  impactReportUrl: httpsUrl,
  impactReportYear: z
    .number()
    .int("A year.")
    .min(2016, "From 2016 (law 208/2015).")
    .max(2100, "A year.")
    .nullable()
    .default(null),
});

/** What each kind needs, and what only some kinds carry (cleared for the others, so nothing stale stays). */
const checkKind = <T extends z.output<typeof certificationFields>>(c: T, ctx: z.RefinementCtx): T => {
  const add = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (c.kind === "OTHER" && !c.label) add("label", "Name the certification.");
  if (c.validFrom && c.validUntil && c.validUntil < c.validFrom) add("validUntil", "It cannot end before it starts.");
  if (c.kind !== "B_CORP" && (c.bcorpScore !== null || c.recertificationDue !== null)) {
    add(
      c.bcorpScore !== null ? "bcorpScore" : "recertificationDue",
      "Only a B Corp certification has a score and a recertification date.",
    );
  }
  if (c.kind !== "BENEFIT_CORPORATION" && (c.impactReportUrl !== null || c.impactReportYear !== null)) {
    add(
      c.impactReportUrl !== null ? "impactReportUrl" : "impactReportYear",
      "Only a benefit corporation has an impact report.",
    );
  }
  if (c.kind === "BENEFIT_CORPORATION" && (c.impactReportUrl === null) !== (c.impactReportYear === null)) {
    add(
      c.impactReportUrl === null ? "impactReportUrl" : "impactReportYear",
      "Give the impact report's link and its year together.",
    );
  }
  return c;
};

export const addCertificationRules = certificationFields
  .extend({ organizationId: z.uuid("Choose an organisation.") })
  .transform((c, ctx) => checkKind(c, ctx));
export type AddCertification = z.output<typeof addCertificationRules>;

export const updateCertificationRules = certificationFields
  .extend({ id: z.uuid("Choose a certification."), version: z.number().int().positive() })
  .transform((c, ctx) => checkKind(c, ctx));
export type UpdateCertification = z.output<typeof updateCertificationRules>;

export const rejectionRules = z.object({
  reason: z
    .string()
    .trim()
    .min(1, "Say why.")
    .max(CERTIFICATION_NOTE_MAX, `At most ${CERTIFICATION_NOTE_MAX} characters.`),
});

export const directoryRules = z.object({
  cpv: z
    .string()
    .trim()
    .regex(/^\d{1,8}(-\d)?$/, "A CPV code or its first digits.")
    .nullish()
    .transform((v) => (v ? v.replace(/-\d$/, "") : null)),
  municipality: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "An ISTAT code of six digits.")
    .nullish()
    .transform((v) => v ?? null),
  certification: z
    .enum(certificationKind.enumValues)
    .nullish()
    .transform((v) => v ?? null),
  query: z
    .string()
    .trim()
    .max(200, "At most 200 characters.")
    .nullish()
    .transform((v) => (v ? v : null)),
});
export type SupplierFilters = z.output<typeof directoryRules>;
