import type { ThemeKey } from "@pratica/rules";

/**
 * The source's keywords, tags and title mapped to the ecosystem's themes (@pratica/rules THEMES):
 * a theme applies when any of its words appears (any case, at the start of a word). Small on purpose:
 * a wrong theme sends a call to the wrong organisations, a missing one only leaves it to search.
 */
const WORDS: Record<ThemeKey, readonly string[]> = {
  "benefit-corporations": ["benefit corporation", "b corp", "responsible business", "corporate sustainability"],
  "circular-economy": ["circular", "waste", "recycl", "reuse", "bioeconomy", "resource efficiency"],
  "gender-equality": ["gender", "women", "equality between women"],
  "youth-employment": ["youth", "young people", "skills", "vocational", "education", "training", "apprentice"],
  "pro-bono": ["volunteer", "pro bono", "solidarity corps"],
  "impact-finance": ["social economy finance", "impact invest", "microfinance", "social finance", "blended finance"],
  "social-procurement": ["public procurement", "socially responsible procurement", "procurement"],
  "urban-regeneration": ["urban", "cities", "city", "regeneration", "new european bauhaus", "built environment"],
  "social-inclusion": [
    "inclusion",
    "social inclusion",
    "poverty",
    "migrant",
    "integration",
    "disabilit",
    "homeless",
    "welfare",
    "health",
  ],
  "social-innovation": [
    "social innovation",
    "social economy",
    "social science",
    "citizen science",
    "social entrepreneur",
  ],
};

const PATTERNS = (Object.keys(WORDS) as ThemeKey[]).map(
  (key) =>
    [
      key,
      new RegExp(`\\b(${WORDS[key].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`, "i"),
    ] as const,
);

export function themesFor(texts: readonly string[]): ThemeKey[] {
  const text = texts.join(" | ");
  return PATTERNS.filter(([, pattern]) => pattern.test(text)).map(([key]) => key);
}
