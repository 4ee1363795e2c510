import { SDGS, THEMES } from "@pratica/rules";
import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { Theme } from "./theme.type.js";

/**
 * The ecosystem's vocabulary as GraphQL (@pratica/rules ecosystem.ts): a theme and a 2030 Agenda
 * goal, named in the caller's language. Here, below every module that shows them (organisations,
 * communities, applications), so that each can return them without knowing the others.
 */
// One GraphQL Theme for every module: the class of theme.type.ts (its `name` is a field there,
// resolved here for values built without it). Merge of the applications and observatory branches.
export { Theme };

@ObjectType("Sdg", { description: "A Sustainable Development Goal of the UN 2030 Agenda" })
export class Sdg {
  @Field(() => Int) number!: number;
  /** Resolved by SdgResolver; the partners module builds values with it already. */
  name?: string;
}

export type ThemeValue = { key: string; nameEn: string; nameIt: string };
export type SdgValue = { number: number; en: string; it: string };

const THEME_BY_KEY = new Map<string, ThemeValue>(
  THEMES.map((t) => [t.key, { key: t.key, nameEn: t.en, nameIt: t.it }]),
);
const SDG_BY_NUMBER = new Map<number, SdgValue>(SDGS.map((s) => [s.n, { number: s.n, en: s.en, it: s.it }]));

/** Stored theme keys as Theme values, in the vocabulary's order; a key no longer in it is left out. */
export const themesOf = (keys: readonly string[]): ThemeValue[] =>
  THEMES.filter((t) => keys.includes(t.key)).map((t) => THEME_BY_KEY.get(t.key) as ThemeValue);

/** Stored goal numbers as Sdg values, by number. */
export const sdgsOf = (numbers: readonly number[]): SdgValue[] =>
  [...new Set(numbers)]
    .sort((a, b) => a - b)
    .map((n) => SDG_BY_NUMBER.get(n))
    .filter((s): s is SdgValue => s !== undefined);

@Resolver(() => Theme)
export class ThemeResolver {
  @FieldResolver(() => String, { description: "In the caller's language" })
  name(@Root() t: ThemeValue, @Ctx() ctx: Context): string {
    return ctx.caller.locale === "it" ? t.nameIt : t.nameEn;
  }
}

@Resolver(() => Sdg)
export class SdgResolver {
  @FieldResolver(() => String, { description: "In the caller's language" })
  name(@Root() s: SdgValue | { number: number; name: string }, @Ctx() ctx: Context): string {
    // Merge of the partners and applications branches: the partners module's values carry their name.
    if ("name" in s) return s.name;
    return ctx.caller.locale === "it" ? s.it : s.en;
  }
}
