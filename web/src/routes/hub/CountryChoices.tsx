import { useId } from "react";
import { useTranslation } from "react-i18next";
import { FieldError } from "../../ui/Field";
import { sortedCountries } from "./countries";

interface Props {
  value: readonly string[];
  onChange: (codes: string[]) => void;
  error?: string | undefined;
}

/**
 * Countries as a group of checkboxes (a native multiple select is hard to use by keyboard and
 * on phones), named in the reader's language and sorted by those names.
 */
export function CountryChoices({ value, onChange, error }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const chosen = new Set(value);
  const toggle = (code: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(code);
    else next.delete(code);
    onChange([...next]);
  };
  return (
    <fieldset
      className="hub-countries"
      aria-describedby={error ? `${id}-error` : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className="field__label">{t("hub.publish.countries")}</legend>
      <p className="field__hint">{t("hub.publish.countriesHint")}</p>
      <div className="hub-countries__grid">
        {sortedCountries(i18n.language).map(({ code, name }) => (
          <label key={code} className="hub-countries__choice">
            <input type="checkbox" checked={chosen.has(code)} onChange={(e) => toggle(code, e.target.checked)} />
            {name}
          </label>
        ))}
      </div>
      {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
    </fieldset>
  );
}
