import { locale, organizationCategory } from "@pratica/db";
import { MEMORANDUM_FIRST_YEAR, SDG_MAX, SDG_MIN, THEME_KEYS, WITHDRAWAL_REASON_MAX } from "@pratica/rules";
import { z } from "zod";
import { visibleText } from "../../core/validate.js";
import { emailRule } from "../identity/identity.rules.js";

/** The longest text the directory's `query` filter takes. */
export const DIRECTORY_QUERY_MAX = 100;

// The filters' element rules, shared by the GraphQL query and the open-data routes (which read
// them from strings first): one meaning for each filter wherever it is asked.
export const categoryRule = z.enum(organizationCategory.enumValues, "Choose one of the organisation categories.");
export const themeRule = z
  .string()
  .refine((key) => (THEME_KEYS as readonly string[]).includes(key), "This theme is not one of the ecosystem's themes.");
export const sdgRule = z
  .number()
  .int(`A goal is a number from ${SDG_MIN} to ${SDG_MAX}.`)
  .min(SDG_MIN, `A goal is a number from ${SDG_MIN} to ${SDG_MAX}.`)
  .max(SDG_MAX, `A goal is a number from ${SDG_MIN} to ${SDG_MAX}.`);
/** Signing years run from the memorandum's first signatures to next year (a date set ahead). */
export const signedYearRule = (now: Date) => {
  const last = now.getUTCFullYear() + 1;
  const message = `The signing year is between ${MEMORANDUM_FIRST_YEAR} and ${last}.`;
  return z.number().int(message).min(MEMORANDUM_FIRST_YEAR, message).max(last, message);
};
export const statusRule = z.enum(["CURRENT", "FORMER", "ALL"]);
export const directoryQueryRule = z
  .string()
  .trim()
  .max(DIRECTORY_QUERY_MAX, `Search for at most ${DIRECTORY_QUERY_MAX} characters.`)
  .transform((v) => (v === "" ? null : v));

/** The directory's filters as the GraphQL query takes them. */
export const directoryFilterRules = (now: Date) =>
  z.object({
    category: categoryRule.nullish().default(null),
    theme: themeRule.nullish().default(null),
    sdg: sdgRule.nullish().default(null),
    communityId: z.uuid("Choose a community.").nullish().default(null),
    signedYear: signedYearRule(now).nullish().default(null),
    status: statusRule.nullish().transform((s) => s ?? "CURRENT"),
    query: directoryQueryRule.nullish().transform((q) => q ?? null),
  });

export type DirectoryFilters = z.output<ReturnType<typeof directoryFilterRules>>;

export const withdrawOrganizationRules = z.object({
  organizationId: z.uuid("Choose an organisation."),
  reason: visibleText(
    z
      .string()
      .trim()
      .min(1, "Say why the organisation withdraws.")
      .max(WITHDRAWAL_REASON_MAX, `The reason may be at most ${WITHDRAWAL_REASON_MAX} characters.`),
  ),
  expectedUpdatedAt: z.date(),
});

export const inviteOrganizationMemberRules = z.object({
  organizationId: z.uuid("Choose an organisation."),
  email: emailRule,
  /** The invitee's language, chosen by the inviter: the email's, and the new account's. */
  locale: z.enum(locale.enumValues).default("it"),
});
