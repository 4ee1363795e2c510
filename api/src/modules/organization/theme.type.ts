import { THEMES } from "@pratica/rules";
import { Field, ObjectType } from "type-graphql";
import type { Locale } from "../../core/context.js";

/**
 * A theme of the ecosystem's vocabulary (@pratica/rules THEMES), as organisations, communities,
 * applications and the observatory show it. Built whole by `themeOf` (its labels are constants),
 * so it needs no resolver: any module that answers a Theme builds it with the caller's locale.
 */
@ObjectType("Theme", { description: "A theme of the ecosystem's vocabulary (@pratica/rules THEMES)" })
export class Theme {
  @Field(() => String) key!: string;
  @Field(() => String, { description: "In the caller's language" }) name!: string;
  @Field(() => String) nameEn!: string;
  @Field(() => String) nameIt!: string;
}

const BY_KEY = new Map<string, (typeof THEMES)[number]>(THEMES.map((t) => [t.key, t]));

/** The theme of that key in the caller's language; undefined for a key outside the vocabulary. */
export function themeOf(key: string, locale: Locale): Theme | undefined {
  const theme = BY_KEY.get(key);
  if (!theme) return undefined;
  return { key: theme.key, name: locale === "it" ? theme.it : theme.en, nameEn: theme.en, nameIt: theme.it };
}
