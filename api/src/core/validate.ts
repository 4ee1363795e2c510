import type { z } from "zod";
import { badInput } from "./errors.js";

/** Parses service input; the first problem becomes BAD_USER_INPUT naming the field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join(".") || "input";
  throw badInput(field, issue?.message ?? "Invalid input.");
}

/** GraphQL null means "not given" for optional input fields; the zod rules expect undefined. */
export function withoutNulls<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}

// What takes no room on screen: whitespace, and format characters (\p{Cf}: zero-width spaces
// and joiners U+200B–U+200D, the word joiner U+2060, the BOM U+FEFF, soft hyphens, direction marks).
const INVISIBLE = /[\s\p{Cf}]/gu;

/** Whether a title or name shows something: not only whitespace and zero-width characters. */
export const isVisibleText = (text: string): boolean => text.replace(INVISIBLE, "").length > 0;

/** The one rule for titles, headings and names: a list or a page must not show a blank entry. */
export const visibleText = (rule: z.ZodString, message = "Write something that can be seen, not only spaces.") =>
  rule.refine(isVisibleText, message);
