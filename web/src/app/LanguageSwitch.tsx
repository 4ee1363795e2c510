import { useTranslation } from "react-i18next";
import { currentLanguage, LANGUAGES, type Language, setLanguage } from "../i18n";

const NAMES: Record<Language, { short: string; name: string }> = {
  it: { short: "IT", name: "Italiano" },
  en: { short: "EN", name: "English" },
};

/**
 * Two toggle buttons; each language is named in itself so it is findable by those who read it.
 * The name is the button's own text, "IT – Italiano", of which "IT" is shown: it begins with
 * what is on screen, so "click IT" works for voice control (WCAG 2.5.3, Label in Name).
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active = i18n.resolvedLanguage ? currentLanguage() : "en";
  return (
    <fieldset className="lang-switch">
      <legend className="visually-hidden">{t("language.label")}</legend>
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          className="lang-switch__option"
          aria-pressed={active === lng}
          onClick={() => void setLanguage(lng)}
        >
          {NAMES[lng].short}
          <span className="visually-hidden"> – {NAMES[lng].name}</span>
        </button>
      ))}
    </fieldset>
  );
}
