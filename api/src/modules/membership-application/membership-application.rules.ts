import { organizationCategory } from "@pratica/db";
import {
  APPLICATION_MESSAGE_MAX,
  APPLICATION_MOTIVATION_MAX,
  APPLICATION_MOTIVATION_MIN,
  CONTACT_NAME_MAX,
  CONTACT_PHONE_MAX,
  CONTACT_PHONE_PATTERN,
  DISTRICT_MAX,
  LATITUDE_MAX,
  LATITUDE_MIN,
  LONGITUDE_MAX,
  LONGITUDE_MIN,
  ORGANIZATION_ADDRESS_MAX,
  ORGANIZATION_DESCRIPTION_MAX,
  ORGANIZATION_NAME_MAX,
  SDG_MAX,
  SDG_MIN,
  THEME_KEYS,
  WEBSITE_MAX,
} from "@pratica/rules";
import { z } from "zod";
import { isUuid } from "../../core/ids.js";
import { coordinate, optionalText } from "../../core/input-rules.js";
import { visibleText } from "../../core/validate.js";
import { emailRule } from "../identity/identity.rules.js";

const required = (max: number, what: string) =>
  visibleText(z.string().trim().min(1, `Enter ${what}.`).max(max, `At most ${max} characters.`));

/** The organisation as it would appear in the directory, its reasons, and its (private) contacts. */
export const applicationRules = z
  .object({
    nameEn: required(ORGANIZATION_NAME_MAX, "the organisation's name"),
    nameIt: optionalText(ORGANIZATION_NAME_MAX),
    category: z.enum(organizationCategory.enumValues, "Choose a category."),
    descriptionEn: required(ORGANIZATION_DESCRIPTION_MAX, "a description"),
    descriptionIt: optionalText(ORGANIZATION_DESCRIPTION_MAX),
    website: z
      .string()
      .trim()
      .max(WEBSITE_MAX, `At most ${WEBSITE_MAX} characters.`)
      .refine((v) => v === "" || /^https?:\/\/[^\s/]+\.[^\s]+$/.test(v), "Enter the website as https://…")
      .transform((v) => (v === "" ? null : v))
      .nullable()
      .default(null),
    address: optionalText(ORGANIZATION_ADDRESS_MAX),
    district: optionalText(DISTRICT_MAX),
    latitude: coordinate(LATITUDE_MIN, LATITUDE_MAX, "latitude"),
    longitude: coordinate(LONGITUDE_MIN, LONGITUDE_MAX, "longitude"),
    themes: z
      .array(z.string().refine((k) => (THEME_KEYS as readonly string[]).includes(k), "Choose themes from the list."))
      .max(THEME_KEYS.length, "Too many themes.")
      .transform((keys) => [...new Set(keys)])
      .default([]),
    sdgs: z
      .array(
        z
          .number()
          .int("Goals are numbered 1 to 17.")
          .min(SDG_MIN, "Goals are numbered 1 to 17.")
          .max(SDG_MAX, "Goals are numbered 1 to 17."),
      )
      .max(SDG_MAX, "Too many goals.")
      .transform((goals) => [...new Set(goals)].sort((a, b) => a - b))
      .default([]),
    communityIds: z
      .array(z.string().refine(isUuid, "Choose communities from the list."))
      .max(50, "Too many communities.")
      .transform((ids) => [...new Set(ids)])
      .default([]),
    motivation: visibleText(
      z
        .string()
        .trim()
        .min(APPLICATION_MOTIVATION_MIN, `Tell us why in at least ${APPLICATION_MOTIVATION_MIN} characters.`)
        .max(APPLICATION_MOTIVATION_MAX, `At most ${APPLICATION_MOTIVATION_MAX} characters.`),
    ),
    contactName: required(CONTACT_NAME_MAX, "the contact person's name"),
    contactEmail: emailRule,
    contactPhone: z
      .string()
      .trim()
      .max(CONTACT_PHONE_MAX, `At most ${CONTACT_PHONE_MAX} characters.`)
      .refine((v) => v === "" || CONTACT_PHONE_PATTERN.test(v), "Enter a phone number (digits, spaces, + ( ) - . /).")
      .transform((v) => (v === "" ? null : v))
      .nullable()
      .default(null),
    representativeName: required(CONTACT_NAME_MAX, "the representative's name"),
    representativeEmail: emailRule,
  })
  // A marker needs both coordinates.
  .refine((a) => (a.latitude === null) === (a.longitude === null), {
    message: "Give both latitude and longitude, or neither.",
    path: ["longitude"],
  });

export type ApplicationFields = z.output<typeof applicationRules>;

const id = z.string().min(1);
const version = z.number().int().min(1, "Send the version you saw.");
const message = visibleText(
  z
    .string()
    .trim()
    .min(1, "Write the message.")
    .max(APPLICATION_MESSAGE_MAX, `At most ${APPLICATION_MESSAGE_MAX} characters.`),
);

export const updateApplicationRules = z.object({
  applicationId: id,
  expectedVersion: version,
  message: message.optional(),
});

export const withdrawApplicationRules = z.object({ applicationId: id, expectedVersion: version });

export const decideApplicationRules = z.object({
  applicationId: id,
  decision: z.enum(["ACCEPT", "REQUEST_INFO", "DECLINE"]),
  message: message.optional(),
  signedOn: z.iso.date("Enter the date as YYYY-MM-DD.").optional(),
  expectedVersion: version,
});

/** The columns of membership_applications the fields fill. */
export const applicationColumns = (a: ApplicationFields) => ({
  name: a.nameEn,
  nameIt: a.nameIt ?? "",
  category: a.category,
  description: a.descriptionEn,
  descriptionIt: a.descriptionIt ?? "",
  website: a.website,
  address: a.address,
  district: a.district,
  latitude: a.latitude,
  longitude: a.longitude,
  themes: a.themes,
  sdgs: a.sdgs,
  communityIds: a.communityIds,
  motivation: a.motivation,
  contactName: a.contactName,
  contactEmail: a.contactEmail,
  contactPhone: a.contactPhone,
  representativeName: a.representativeName,
  representativeEmail: a.representativeEmail,
});
