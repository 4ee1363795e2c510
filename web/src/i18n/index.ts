import i18n from "i18next";
import LanguageDetector from "i18next-browser-languagedetector";
import { initReactI18next } from "react-i18next";
import type en from "./en.json";
import type it from "./it.json";

export const LANGUAGES = ["it", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Where an explicit choice is remembered; the browser's language is only the starting point. */
export const LANGUAGE_STORAGE_KEY = "pratica.lang";

// Italian and English ship together: a key missing from the Italian catalogue fails the build.
type Catalogue = typeof en;
const italianIsComplete = (catalogue: typeof it): Catalogue => catalogue;

// Each language's strings are a chunk of their own, fetched when the language is shown: a reader
// downloads one catalogue, not both. i18next waits for it before `init` and `changeLanguage`
// resolve, and main.tsx renders once `i18nReady` has.
const catalogues: Record<Language, () => Promise<Catalogue>> = {
  en: () => import("./en.json").then((module) => module.default),
  it: () => import("./it.json").then((module) => italianIsComplete(module.default)),
};

const catalogueBackend = {
  type: "backend" as const,
  init() {},
  read(language: string, _namespace: string, done: (error: unknown, catalogue: Catalogue | null) => void) {
    if (!isLanguage(language)) return done(new Error(`no catalogue for ${language}`), null);
    catalogues[language]().then(
      (catalogue) => done(null, catalogue),
      (error: unknown) => done(error, null),
    );
  },
};

// <html lang> names the language actually shown ("en", not the browser's "en-US"), so screen
// readers pronounce the page correctly.
i18n.on("languageChanged", () => {
  document.documentElement.lang = currentLanguage();
});

/** Resolves once the shown language's strings are loaded. */
export const i18nReady = i18n
  .use(catalogueBackend)
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    supportedLngs: LANGUAGES,
    nonExplicitSupportedLngs: true,
    load: "languageOnly",
    // English stands in for languages Pratica does not speak; Italian is complete (checked
    // above), so an Italian reader does not load the English strings as well.
    fallbackLng: (code) => (code === "it" ? [] : ["en"]),
    interpolation: { escapeValue: false },
    detection: {
      order: ["localStorage", "navigator"],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      // Only an explicit choice is stored (see setLanguage), so a visitor whose browser says
      // Italian keeps following the browser until they pick otherwise.
      caches: [],
    },
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
  await i18n.changeLanguage(lng);
}

export default i18n;
