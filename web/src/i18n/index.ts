import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import type enFirst from "./en/first.json";
import type enPages from "./en/pages";
import type itFirst from "./it/first.json";
import type itPages from "./it/pages";

export const LANGUAGES = ["it", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Where an explicit choice is remembered; the browser's language is only the starting point. */
export const LANGUAGE_STORAGE_KEY = "pratica.lang";

// Italian and English ship together: a key missing from an Italian catalogue fails the build.
type First = typeof enFirst;
type Pages = typeof enPages;
const italianFirst = (catalogue: typeof itFirst): First => catalogue;
const italianPages = (catalogue: typeof itPages): Pages => catalogue;

// Each language's strings come in two chunks, fetched when the language is shown: `first` holds
// those of the shell, the home page and the error pages (the groups the entry's components use),
// `pages` those of every other page, which each lazy route loads with its code
// (`loadPageStrings`). A reader downloads one language, and the home page only its first part.
// i18next waits for them before `init` and `changeLanguage` resolve; main.tsx renders once
// `i18nReady` has.
const catalogues: Record<Language, { first: () => Promise<First>; pages: () => Promise<Pages> }> = {
  en: {
    first: () => import("./en/first.json").then((module) => module.default),
    pages: () => import("./en/pages").then((module) => module.default),
  },
  it: {
    first: () => import("./it/first.json").then((module) => italianFirst(module.default)),
    pages: () => import("./it/pages").then((module) => italianPages(module.default)),
  },
};

/** Set once a page other than the home page was shown: a language switched to then loads both parts. */
let pagesWanted = false;
const pagesLoaded = new Set<Language>();

const catalogueBackend = {
  type: "backend" as const,
  init() {},
  read(language: string, _namespace: string, done: (error: unknown, catalogue: object | null) => void) {
    if (!isLanguage(language)) return done(new Error(`no catalogue for ${language}`), null);
    const withPages = pagesWanted;
    const parts = catalogues[language];
    Promise.all([parts.first(), withPages ? parts.pages() : {}]).then(
      ([first, pages]) => {
        if (withPages) pagesLoaded.add(language);
        done(null, { ...first, ...pages });
      },
      (error: unknown) => done(error, null),
    );
  },
};

/** Adds the other pages' strings of `language` unless it has them (its first part is loaded). */
async function addPages(language: Language): Promise<void> {
  if (pagesLoaded.has(language)) return;
  const pages = await catalogues[language].pages();
  i18n.addResourceBundle(language, "translation", pages, true, false);
  pagesLoaded.add(language);
}

/** The strings of every page but the home page, in the shown language; lazy routes wait for them. */
export async function loadPageStrings(): Promise<void> {
  // Set before i18next's first read, which then fetches both parts of the shown language at once.
  pagesWanted = true;
  await i18nReady;
  await addPages(currentLanguage());
}

// <html lang> names the language actually shown ("en", not the browser's "en-US"), so screen
// readers pronounce the page correctly.
i18n.on("languageChanged", () => {
  document.documentElement.lang = currentLanguage();
});

/**
 * The language to show: an explicit choice stored by `setLanguage`, else the browser's languages in
 * its order of preference; i18next takes the first it supports ("en-GB" counts as "en"). Only an
 * explicit choice is stored, so a visitor whose browser says Italian keeps following the browser
 * until they pick otherwise. (What i18next-browser-languagedetector did with this configuration,
 * in a few lines instead of 2 kB of the first load.)
 */
const languageDetector = {
  type: "languageDetector" as const,
  detect(): string[] {
    const candidates: string[] = [];
    try {
      const stored = localStorage.getItem(LANGUAGE_STORAGE_KEY);
      if (stored) candidates.push(stored);
    } catch {
      // storage can be disabled; the browser's languages still count
    }
    candidates.push(...(navigator.languages ?? []), navigator.language);
    return candidates.filter(Boolean);
  },
  cacheUserLanguage() {},
};

/** Resolves once the shown language's strings are loaded. */
export const i18nReady = i18n
  .use(catalogueBackend)
  .use(languageDetector)
  .use(initReactI18next)
  .init({
    supportedLngs: LANGUAGES,
    nonExplicitSupportedLngs: true,
    load: "languageOnly",
    // English stands in for languages Pratica does not speak; Italian is complete (checked
    // above), so an Italian reader does not load the English strings as well.
    fallbackLng: (code) => (code === "it" ? [] : ["en"]),
    interpolation: { escapeValue: false },
  });

function isLanguage(value: string | undefined): value is Language {
  return (LANGUAGES as readonly (string | undefined)[]).includes(value);
}

export function currentLanguage(): Language {
  const candidates = [i18n.resolvedLanguage, i18n.language?.split("-")[0]];
  return candidates.find(isLanguage) ?? "en";
}

export async function setLanguage(lng: Language): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lng);
  } catch {
    // storage can be disabled; the choice then lasts for this page only
  }
  // i18next does not read a language again once it has its first part (loaded before a page
  // wanted the rest): add the rest before showing it.
  await i18n.loadLanguages(lng);
  if (pagesWanted) await addPages(lng);
  await i18n.changeLanguage(lng);
}

export default i18n;
