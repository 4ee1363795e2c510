import { DISPLAY_NAME_MAX, DISPLAY_NAME_MIN } from "@pratica/rules";

// The api's limits (@pratica/rules); checking here saves a round trip and lets us explain the
// rule in the reader's language.

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

export function isEmail(value: string): boolean {
  return EMAIL.test(value.trim());
}

export function isDisplayName(value: string): boolean {
  const length = value.trim().length;
  return length >= DISPLAY_NAME_MIN && length <= DISPLAY_NAME_MAX;
}
