import { BIO_MAX, DISPLAY_NAME_MAX, DISPLAY_NAME_MIN, EMAIL_MAX, PASSWORD_MAX, PASSWORD_MIN } from "@pratica/rules";
import { z } from "zod";
import { visibleText } from "../../core/validate.js";

export const emailRule = z
  .string()
  .trim()
  .toLowerCase()
  .max(EMAIL_MAX, "Email is too long.")
  .pipe(z.email("Enter a valid email address."));

export const displayNameRule = visibleText(
  z
    .string()
    .trim()
    .min(DISPLAY_NAME_MIN, `Display name needs at least ${DISPLAY_NAME_MIN} characters.`)
    .max(DISPLAY_NAME_MAX, `Display name may be at most ${DISPLAY_NAME_MAX} characters.`),
  "Display name needs visible characters, not only spaces.",
);

export const registerRules = z.object({
  email: emailRule,
  password: z
    .string()
    .min(PASSWORD_MIN, `Password needs at least ${PASSWORD_MIN} characters.`)
    .max(PASSWORD_MAX, `Password may be at most ${PASSWORD_MAX} characters.`),
  displayName: displayNameRule,
});

export const loginRules = z.object({
  email: emailRule,
  password: z
    .string()
    .min(1, "Enter your password.")
    .max(PASSWORD_MAX, `Password may be at most ${PASSWORD_MAX} characters.`),
});

export const profileRules = z.object({
  displayName: displayNameRule.optional(),
  bio: z.string().trim().max(BIO_MAX, `Bio may be at most ${BIO_MAX} characters.`).optional(),
});
