import { z } from "zod";

export const deleteAccountRules = z.object({
  // Checked against the stored hash, never stored: only an upper bound against huge bodies.
  password: z.string().min(1, "Type your password to delete the account.").max(1000),
  eraseContent: z.boolean(),
});
