import i18n from "i18next";
import LanguageDetector from "i18next-browser-languagedetector";
import { initReactI18next } from "react-i18next";
import en from "./en.json";
import it from "./it.json";

export const LANGUAGES = ["it", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Where an explicit choice is remembered; the browser's language is only the starting point. */
export const LANGUAGE_STORAGE_KEY = "pratica.lang";

// Italian and English ship together: a key missing from the Italian catalogue fails the build.
const italian: typeof en = it;

export const resources = {
  en: { translation: en },
  it: { translation: italian },
} as const;

// <html lang> names the language actually shown ("en", not the browser's "en-US"), so screen
// readers pronounce the page correctly.
i18n.on("languageChanged", () => {
  document.documentElement.lang = currentLanguage();
});

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    supportedLngs: LANGUAGES,
    nonExplicitSupportedLngs: true,
    load: "languageOnly",
    fallbackLng: "en",
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
