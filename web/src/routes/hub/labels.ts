import type { TFunction } from "i18next";

/** A programme key (rules PROGRAMMES) in the reader's language; an unknown key as it is. */
export function programmeName(t: TFunction, key: string): string {
  return t(`hub.programmes.${key}`, { defaultValue: key });
}
