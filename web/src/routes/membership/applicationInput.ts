import {
  APPLICATION_MOTIVATION_MIN,
  CONTACT_PHONE_PATTERN,
  LATITUDE_MAX,
  LATITUDE_MIN,
  LONGITUDE_MAX,
  LONGITUDE_MIN,
} from "@pratica/rules";
import type { MembershipApplicationInput, OrganizationCategory } from "../../gql/graphql";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** "45,07" as Italians write it is 45.07; empty is no coordinate; anything else NaN (refused). */
const coordinate = (text: string): number | null => (text === "" ? null : Number(text.replace(",", ".")));
const optional = (text: string): string | null => (text === "" ? null : text);

/**
 * The form read into the api's input, with the field names of what is wrong before sending
 * (the same rules the api checks; it stays the judge).
 */
export function readApplication(form: FormData): { input: MembershipApplicationInput; invalid: string[] } {
  const value = (name: string) => String(form.get(name) ?? "").trim();
  const input: MembershipApplicationInput = {
    nameEn: value("nameEn"),
    nameIt: optional(value("nameIt")),
    category: value("category") as OrganizationCategory,
    descriptionEn: value("descriptionEn"),
    descriptionIt: optional(value("descriptionIt")),
    website: optional(value("website")),
    address: optional(value("address")),
    district: optional(value("district")),
    latitude: coordinate(value("latitude")),
    longitude: coordinate(value("longitude")),
    themes: form.getAll("themes").map(String),
    sdgs: form.getAll("sdgs").map(Number),
    communityIds: form.getAll("communityIds").map(String),
    motivation: value("motivation"),
    contactName: value("contactName"),
    contactEmail: value("contactEmail"),
    contactPhone: optional(value("contactPhone")),
    representativeName: value("representativeName"),
    representativeEmail: value("representativeEmail"),
  };
  const invalid: string[] = [];
  for (const name of ["nameEn", "descriptionEn", "contactName", "representativeName"] as const) {
    if (!input[name]) invalid.push(name);
  }
  if (input.motivation.length < APPLICATION_MOTIVATION_MIN) invalid.push("motivation");
  if (!EMAIL.test(input.contactEmail)) invalid.push("contactEmail");
  if (!EMAIL.test(input.representativeEmail)) invalid.push("representativeEmail");
  if (input.contactPhone && !CONTACT_PHONE_PATTERN.test(input.contactPhone)) invalid.push("contactPhone");
  const { latitude, longitude } = input;
  if (latitude != null && !(latitude >= LATITUDE_MIN && latitude <= LATITUDE_MAX)) invalid.push("latitude");
  if (longitude != null && !(longitude >= LONGITUDE_MIN && longitude <= LONGITUDE_MAX)) invalid.push("longitude");
  // Both or neither: a point needs the two.
  if ((latitude == null) !== (longitude == null)) invalid.push(latitude == null ? "latitude" : "longitude");
  return { input, invalid };
}

/**
 * The form field an api refusal is about: `application.nameEn` (an update's nested input) and
 * `sdgs.2` (an item of a list) are about `nameEn` and `sdgs`.
 */
export function formFieldOf(apiField: string): string {
  const path = apiField.replace(/^(input\.)?(application\.)?/, "");
  return path.split(".")[0] ?? path;
}
