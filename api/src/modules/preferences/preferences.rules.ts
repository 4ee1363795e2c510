import { emailDelivery, locale, watchLevel } from "@pratica/db";
import { z } from "zod";
import { isTimeZone } from "../notification/digest-schedule.js";

const id = z.string().min(1).max(100);

/** Exactly one of the three scopes; `level` null or absent removes the explicit choice (the default applies again). */
export const setWatchLevelRules = z
  .object({
    communityId: id.optional(),
    threadId: id.optional(),
    deliverableId: id.optional(),
    level: z.enum(watchLevel.enumValues).nullable().optional(),
  })
  .superRefine((input, ctx) => {
    const given = [input.communityId, input.threadId, input.deliverableId].filter((v) => v !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({
        code: "custom",
        path: ["scope"],
        message: "Name exactly one of communityId, threadId and deliverableId.",
      });
    }
  });

export const notificationSettingsRules = z.object({
  emailDelivery: z.enum(emailDelivery.enumValues).optional(),
  timeZone: z
    .string()
    .trim()
    .refine(isTimeZone, "Choose a time zone by its IANA name, such as Europe/Rome.")
    .optional(),
  digestHour: z
    .number()
    .int("A whole hour, 0 to 23.")
    .min(0, "A whole hour, 0 to 23.")
    .max(23, "A whole hour, 0 to 23.")
    .optional(),
  locale: z.enum(locale.enumValues).optional(),
});
