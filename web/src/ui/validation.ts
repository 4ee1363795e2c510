// The same limits the api enforces (see RegisterInput); checking here saves a round trip and
// lets us explain the rule in the reader's language.
export const PASSWORD_MIN = 10;
export const DISPLAY_NAME_MIN = 2;
export const DISPLAY_NAME_MAX = 80;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

export function isEmail(value: string): boolean {
  return EMAIL.test(value.trim());
}

export function isDisplayName(value: string): boolean {
  const length = value.trim().length;
  return length >= DISPLAY_NAME_MIN && length <= DISPLAY_NAME_MAX;
}
