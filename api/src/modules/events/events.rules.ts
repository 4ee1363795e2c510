import {
  EVENT_CAPACITY_MAX,
  EVENT_DESCRIPTION_MAX,
  EVENT_PLACE_MAX,
  EVENT_TITLE_MAX,
  LATITUDE_MAX,
  LATITUDE_MIN,
  LONGITUDE_MAX,
  LONGITUDE_MIN,
} from "@pratica/rules";
import { z } from "zod";
import { isUuid } from "../../core/ids.js";
import { coordinate, optionalText } from "../../core/input-rules.js";
import { isVisibleText } from "../../core/validate.js";

/** A valid IANA zone: what Intl accepts (Europe/Rome, UTC…). */
export const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
};

const fields = {
  titleEn: optionalText(EVENT_TITLE_MAX),
  titleIt: optionalText(EVENT_TITLE_MAX),
  descriptionEn: optionalText(EVENT_DESCRIPTION_MAX),
  descriptionIt: optionalText(EVENT_DESCRIPTION_MAX),
  mode: z.enum(["IN_PERSON", "ONLINE", "HYBRID"], "Choose in person, online or both."),
  placeName: optionalText(EVENT_PLACE_MAX),
  address: optionalText(EVENT_PLACE_MAX),
  latitude: coordinate(LATITUDE_MIN, LATITUDE_MAX, "latitude"),
  longitude: coordinate(LONGITUDE_MIN, LONGITUDE_MAX, "longitude"),
  onlineUrl: z
    .string()
    .trim()
    .max(2000, "At most 2000 characters.")
    .refine((v) => v === "" || /^https:\/\/[^\s/]+\.[^\s]+$/.test(v), "Enter the link as https://…")
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .default(null),
  startsAt: z.date("Enter the start."),
  endsAt: z.date("Enter the end."),
  timeZone: z.string().trim().refine(isTimeZone, "Choose a time zone such as Europe/Rome.").default("Europe/Rome"),
  capacity: z
    .number()
    .int("Enter a whole number of seats.")
    .min(1, "At least one seat (or none for unlimited).")
    .max(EVENT_CAPACITY_MAX, `At most ${EVENT_CAPACITY_MAX} seats.`)
    .nullable()
    .default(null),
  registration: z.enum(["OPEN", "APPROVAL", "CLOSED"]).default("OPEN"),
};

type Fields = z.output<z.ZodObject<typeof fields>>;

/** The rules across fields, shared by create and update (`path` names the field to fix). */
const crossChecks = (e: Fields, ctx: z.RefinementCtx) => {
  const add = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (!(e.titleEn && isVisibleText(e.titleEn)) && !(e.titleIt && isVisibleText(e.titleIt)))
    add("titleEn", "Give the event a title in English or Italian.");
  if (e.endsAt <= e.startsAt) add("endsAt", "The end comes after the start.");
  if (e.mode !== "ONLINE" && !e.placeName) add("placeName", "Say where it takes place.");
  if (e.mode !== "IN_PERSON" && !e.onlineUrl) add("onlineUrl", "Give the link to join online.");
  if ((e.latitude === null) !== (e.longitude === null))
    add("longitude", "Give both latitude and longitude, or neither.");
};

export const createEventRules = z
  .object({ communityId: z.string().refine(isUuid, "Choose a community.").nullable().default(null), ...fields })
  .superRefine(crossChecks);

export const updateEventRules = z
  .object({
    eventId: z.string().min(1),
    expectedVersion: z.number().int().min(1, "Send the version you saw."),
    ...fields,
  })
  .superRefine(crossChecks);

export type EventFields = Fields;

export const cancelEventRules = z.object({
  eventId: z.string().min(1),
  expectedVersion: z.number().int().min(1, "Send the version you saw."),
  reason: z
    .string()
    .trim()
    .min(1, "Say why the event is cancelled.")
    .max(EVENT_DESCRIPTION_MAX)
    .refine(isVisibleText, "Say why the event is cancelled."),
});

/** The columns of `events` the fields fill (English is the plain column). */
export const eventColumns = (e: Fields) => ({
  title: e.titleEn ?? "",
  titleIt: e.titleIt ?? "",
  description: e.descriptionEn ?? "",
  descriptionIt: e.descriptionIt ?? "",
  mode: e.mode,
  placeName: e.mode === "ONLINE" ? null : e.placeName,
  address: e.mode === "ONLINE" ? null : e.address,
  latitude: e.mode === "ONLINE" ? null : e.latitude,
  longitude: e.mode === "ONLINE" ? null : e.longitude,
  onlineUrl: e.mode === "IN_PERSON" ? null : e.onlineUrl,
  startsAt: e.startsAt,
  endsAt: e.endsAt,
  timeZone: e.timeZone,
  capacity: e.capacity,
  registration: e.registration,
});
