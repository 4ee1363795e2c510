import { consortiumRole, partnerSearchKind } from "@pratica/db";
import {
  EU_AND_ASSOCIATED_COUNTRIES,
  PARTNER_INTEREST_MESSAGE_MAX,
  PARTNER_SEARCH_COUNTRIES_MAX,
  PARTNER_SEARCH_DESCRIPTION_MAX,
  PARTNER_SEARCH_EXPERTISE_MAX,
} from "@pratica/rules";
import { z } from "zod";
import { visibleText } from "../../core/validate.js";

const version = z.number("Send the version you saw.").int().min(1, "Send the version you saw.");
const role = z.enum(consortiumRole.enumValues, "Choose a role: LEAD, PARTNER or ASSOCIATED.");

const COUNTRIES: readonly string[] = EU_AND_ASSOCIATED_COUNTRIES;

const expertise = visibleText(
  z
    .string("Describe the expertise.")
    .trim()
    .min(1, "Describe the expertise.")
    .max(PARTNER_SEARCH_EXPERTISE_MAX, `At most ${PARTNER_SEARCH_EXPERTISE_MAX} characters.`),
  "Describe the expertise.",
);

/** Two-letter codes, upper case, from the EU's and associated countries; duplicates are dropped. */
const countries = z
  .array(
    z
      .string()
      .trim()
      .refine(
        (c) => COUNTRIES.includes(c),
        "Use two-letter country codes (ISO 3166-1) of the EU and associated countries, in capitals.",
      ),
  )
  .max(PARTNER_SEARCH_COUNTRIES_MAX, `At most ${PARTNER_SEARCH_COUNTRIES_MAX} countries.`)
  .transform((codes) => [...new Set(codes)]);

const description = z
  .string()
  .trim()
  .max(PARTNER_SEARCH_DESCRIPTION_MAX, `At most ${PARTNER_SEARCH_DESCRIPTION_MAX} characters.`);

export const publishSearchRules = z.object({
  organizationId: z.string(),
  callId: z.string(),
  kind: z.enum(partnerSearchKind.enumValues, "Choose SEEKING or OFFERING."),
  role,
  expertise,
  countries,
  description: description.default(""),
});
export type PublishSearchFields = z.output<typeof publishSearchRules>;

/** Only the fields given change; the version the client saw is required. */
export const updateSearchRules = z.object({
  id: z.string(),
  version,
  role: role.optional(),
  expertise: expertise.optional(),
  countries: countries.optional(),
  description: description.optional(),
});

export const versionRules = z.object({ id: z.string(), version });

export const expressInterestRules = z.object({
  searchId: z.string(),
  organizationId: z.string(),
  role,
  message: z
    .string()
    .trim()
    .max(PARTNER_INTEREST_MESSAGE_MAX, `At most ${PARTNER_INTEREST_MESSAGE_MAX} characters.`)
    .default(""),
});

export const decideInterestRules = z.object({
  id: z.string(),
  version,
  decision: z.enum(["CONFIRM", "DECLINE"], "Choose CONFIRM or DECLINE."),
});
