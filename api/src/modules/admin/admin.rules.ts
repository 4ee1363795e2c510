import { communityVisibility, joinPolicy, locale, organizationCategory } from "@pratica/db";
import {
  COLOR_PATTERN,
  COMMUNITY_DESCRIPTION_MAX,
  COMMUNITY_NAME_MAX,
  COMMUNITY_TAGLINE_MAX,
  DISTRICT_MAX,
  LATITUDE_MAX,
  LATITUDE_MIN,
  LONGITUDE_MAX,
  LONGITUDE_MIN,
  MEMBER_QUERY_MAX,
  ORGANIZATION_ADDRESS_MAX,
  ORGANIZATION_DESCRIPTION_MAX,
  ORGANIZATION_NAME_MAX,
  SDG_MAX,
  SDG_MIN,
  SLUG_MAX,
  SLUG_MIN,
  SLUG_PATTERN,
  THEME_KEYS,
  WEBSITE_MAX,
} from "@pratica/rules";
import { z } from "zod";
import { visibleText } from "../../core/validate.js";
import { displayNameRule, emailRule, registerRules } from "../identity/identity.rules.js";

const slug = z
  .string()
  .trim()
  .min(SLUG_MIN, `The slug needs at least ${SLUG_MIN} characters.`)
  .max(SLUG_MAX, `The slug may be at most ${SLUG_MAX} characters.`)
  .regex(SLUG_PATTERN, "Use lowercase letters and digits, words joined by single hyphens (e.g. circular-economy).");

const name = (max: number) =>
  visibleText(z.string().trim().min(1, "Enter a name.").max(max, `The name may be at most ${max} characters.`));
const text = (max: number) => z.string().trim().max(max, `This text may be at most ${max} characters.`);

/** Theme keys of the ecosystem's vocabulary, each once; left out (undefined), an edit keeps the stored ones. */
const themes = z
  .array(
    z
      .string()
      .refine((k) => (THEME_KEYS as readonly string[]).includes(k), "This theme is not one of the ecosystem's themes."),
  )
  .max(THEME_KEYS.length)
  .transform((keys) => [...new Set(keys)])
  .optional();

const sdgs = z
  .array(
    z
      .number()
      .int(`A goal is a number from ${SDG_MIN} to ${SDG_MAX}.`)
      .min(SDG_MIN, `A goal is a number from ${SDG_MIN} to ${SDG_MAX}.`)
      .max(SDG_MAX, `A goal is a number from ${SDG_MIN} to ${SDG_MAX}.`),
  )
  .max(SDG_MAX)
  .transform((numbers) => [...new Set(numbers)].sort((a, b) => a - b))
  .optional();

/** Both languages are asked for; an empty one falls back to the other when shown (core/localized.ts). */
const communityTexts = {
  nameIt: name(COMMUNITY_NAME_MAX),
  nameEn: name(COMMUNITY_NAME_MAX),
  taglineIt: text(COMMUNITY_TAGLINE_MAX).default(""),
  taglineEn: text(COMMUNITY_TAGLINE_MAX).default(""),
  descriptionIt: text(COMMUNITY_DESCRIPTION_MAX).default(""),
  descriptionEn: text(COMMUNITY_DESCRIPTION_MAX).default(""),
  color: z.string().regex(COLOR_PATTERN, "Use a colour written as #rrggbb.").default("#1f6f78"),
  visibility: z.enum(communityVisibility.enumValues).default("PUBLIC"),
  joinPolicy: z.enum(joinPolicy.enumValues).default("OPEN"),
  themes,
};

export const createCommunityRules = z.object({ slug, ...communityTexts });

/** An edit sends every field, with the `updatedAt` it started from (optimistic concurrency). */
export const updateCommunityRules = z.object({ id: z.uuid(), expectedUpdatedAt: z.date(), slug, ...communityTexts });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `This text may be at most ${max} characters.`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .default(null);

const organizationFields = {
  nameIt: name(ORGANIZATION_NAME_MAX),
  nameEn: name(ORGANIZATION_NAME_MAX),
  descriptionIt: optionalText(ORGANIZATION_DESCRIPTION_MAX),
  descriptionEn: optionalText(ORGANIZATION_DESCRIPTION_MAX),
  category: z.enum(organizationCategory.enumValues),
  website: z
    .string()
    .trim()
    .max(WEBSITE_MAX, `The website may be at most ${WEBSITE_MAX} characters.`)
    .refine((v) => v === "" || /^https?:\/\/[^\s/]+\.[^\s]+$/.test(v), "Enter the website as https://…")
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .default(null),
  address: optionalText(ORGANIZATION_ADDRESS_MAX),
  latitude: z
    .number()
    .min(LATITUDE_MIN, `Latitude is between ${LATITUDE_MIN} and ${LATITUDE_MAX}.`)
    .max(LATITUDE_MAX, `Latitude is between ${LATITUDE_MIN} and ${LATITUDE_MAX}.`)
    .nullable()
    .default(null),
  longitude: z
    .number()
    .min(LONGITUDE_MIN, `Longitude is between ${LONGITUDE_MIN} and ${LONGITUDE_MAX}.`)
    .max(LONGITUDE_MAX, `Longitude is between ${LONGITUDE_MIN} and ${LONGITUDE_MAX}.`)
    .nullable()
    .default(null),
  memorandumSignedOn: z.iso.date("Enter the date as YYYY-MM-DD.").nullable().default(null),
  /** Left out, an edit keeps the stored district; "" clears it. */
  district: z
    .string()
    .trim()
    .max(DISTRICT_MAX, `The district may be at most ${DISTRICT_MAX} characters.`)
    .transform((v) => (v === "" ? null : v))
    .optional(),
  themes,
  sdgs,
};

/** Coordinates come as a pair or not at all: a marker needs both. */
const bothCoordinates = (o: { latitude: number | null; longitude: number | null }) =>
  (o.latitude === null) === (o.longitude === null);
const coordinatesMessage = { message: "Give both latitude and longitude, or neither.", path: ["longitude"] };

export const createOrganizationRules = z
  .object({ slug, ...organizationFields })
  .refine(bothCoordinates, coordinatesMessage);

export const updateOrganizationRules = z
  .object({ id: z.uuid(), expectedUpdatedAt: z.date(), slug, ...organizationFields })
  .refine(bothCoordinates, coordinatesMessage);

export const inviteRepresentativeRules = z.object({
  organizationId: z.uuid("Choose an organisation."),
  email: emailRule,
  /** The invitee's language, chosen by the inviter: the email's, and the new account's. */
  locale: z.enum(locale.enumValues).default("it"),
});

export const inviteAdminRules = z.object({ email: emailRule, locale: z.enum(locale.enumValues).default("it") });

/** For a new account the name and password are required; an existing account gives neither. */
export const newAccountRules = z.object({ displayName: displayNameRule, password: registerRules.shape.password });

export const acceptInvitationRules = z.object({
  token: z.string().min(1).max(200),
  displayName: z.string().optional(),
  password: z.string().optional(),
});

export const memberQueryRules = z
  .string()
  .trim()
  .max(MEMBER_QUERY_MAX, `Search for at most ${MEMBER_QUERY_MAX} characters.`)
  .default("");
