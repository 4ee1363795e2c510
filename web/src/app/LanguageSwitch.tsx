import { useTranslation } from "react-i18next";
import { currentLanguage, LANGUAGES, type Language, setLanguage } from "../i18n";

const NAMES: Record<Language, { short: string; name: string }> = {
  it: { short: "IT", name: "Italiano" },
  en: { short: "EN", name: "English" },
};

/** Two toggle buttons; each language is named in itself so it is findable by those who read it. */
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
          aria-label={NAMES[lng].name}
          onClick={() => void setLanguage(lng)}
        >
          {NAMES[lng].short}
        </button>
      ))}
    </fieldset>
  );
}
