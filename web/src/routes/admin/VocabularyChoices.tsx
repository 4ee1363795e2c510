import { SDGS, THEMES } from "@pratica/rules";
import { useTranslation } from "react-i18next";
import { FieldError } from "../../ui/Field";

// The vocabulary comes from @pratica/rules, the list the api validates against, with both
// languages' labels: no request, and a theme the api does not know cannot be offered.

interface ChoicesProps {
  /** Keys (themes) or numbers (goals) already chosen. */
  chosen: readonly (string | number)[];
  error?: string | undefined;
}

export function ThemeChoices({ chosen, error }: ChoicesProps) {
  const { t, i18n } = useTranslation();
  const it = i18n.language.startsWith("it");
  return (
    <fieldset className="admin__choices" aria-describedby={error ? "themes-error" : undefined}>
      <legend>{t("admin.fields.themes")}</legend>
      <div className="admin__choice-grid">
        {THEMES.map((theme) => (
          <label key={theme.key}>
            <input type="checkbox" name="themes" value={theme.key} defaultChecked={chosen.includes(theme.key)} />{" "}
            {it ? theme.it : theme.en}
          </label>
        ))}
      </div>
      {error ? <FieldError id="themes-error">{error}</FieldError> : null}
    </fieldset>
  );
}

export function SdgChoices({ chosen, error }: ChoicesProps) {
  const { t, i18n } = useTranslation();
  const it = i18n.language.startsWith("it");
  return (
    <fieldset className="admin__choices" aria-describedby={error ? "sdgs-error" : undefined}>
      <legend>{t("admin.fields.sdgs")}</legend>
      <div className="admin__choice-grid">
        {SDGS.map((sdg) => (
          <label key={sdg.n}>
            <input type="checkbox" name="sdgs" value={sdg.n} defaultChecked={chosen.includes(sdg.n)} /> {sdg.n}.{" "}
            {it ? sdg.it : sdg.en}
          </label>
        ))}
      </div>
      {error ? <FieldError id="sdgs-error">{error}</FieldError> : null}
    </fieldset>
  );
}
