import { z } from "zod";
import { visibleText } from "../../core/validate.js";

export const emailRule = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Email is too long.")
  .pipe(z.email("Enter a valid email address."));

export const displayNameRule = visibleText(
  z
    .string()
    .trim()
    .min(2, "Display name needs at least 2 characters.")
    .max(80, "Display name may be at most 80 characters."),
  "Display name needs visible characters, not only spaces.",
);

export const registerRules = z.object({
  email: emailRule,
  // Length only: long passphrases beat composition rules (NIST SP 800-63B).
  password: z
    .string()
    .min(10, "Password needs at least 10 characters.")
    .max(256, "Password may be at most 256 characters."),
  displayName: displayNameRule,
});

export const loginRules = z.object({
  email: emailRule,
  password: z.string().min(1, "Enter your password.").max(256, "Password may be at most 256 characters."),
});

export const profileRules = z.object({
  displayName: displayNameRule.optional(),
  bio: z.string().trim().max(1000, "Bio may be at most 1000 characters.").optional(),
});
