import { useQuery } from "@apollo/client/react";
import type { TFunction } from "i18next";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import { Button } from "../../ui/Button";
import { FieldError } from "../../ui/Field";

export const municipalitiesQuery = graphql(`
  query Municipalities {
    municipalities {
      code
      name
    }
  }
`);

/** The municipalities of the metropolitan area (a short list, read once and cached). */
export function useMunicipalities() {
  const { data } = useQuery(municipalitiesQuery);
  return data?.municipalities ?? [];
}

export interface AreaValue {
  wholeMetroArea: boolean;
  /** ISTAT codes. */
  codes: string[];
}

interface Props {
  legend: string;
  value: AreaValue;
  onChange: (next: AreaValue) => void;
  error?: string | undefined;
}

/** Where a supplier works or a request is to be served: the whole metropolitan area, or chosen municipalities. */
export function AreaFields({ legend, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const municipalities = useMunicipalities();
  const [pick, setPick] = useState("");
  const names = new Map(municipalities.map((m) => [m.code, m.name]));
  const left = municipalities.filter((m) => !value.codes.includes(m.code));

  return (
    <fieldset className={`field area-fields${error ? " field--invalid" : ""}`}>
      <legend className="field__label">{legend}</legend>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={value.wholeMetroArea}
          onChange={(event) => onChange({ wholeMetroArea: event.target.checked, codes: [] })}
        />{" "}
        {t("buySocial.area.whole")}
      </label>
      {value.wholeMetroArea ? null : (
        <>
          {value.codes.length > 0 ? (
            <ul className="cpv-picker__chosen" aria-label={t("buySocial.area.chosen")}>
              {value.codes.map((code) => (
                <li key={code} className="cpv-picker__item">
                  <span>{names.get(code) ?? code}</span>
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-label={t("buySocial.area.remove", { name: names.get(code) ?? code })}
                    onClick={() => onChange({ wholeMetroArea: false, codes: value.codes.filter((c) => c !== code) })}
                  >
                    {t("buySocial.remove")}
                  </Button>
                </li>
              ))}
            </ul>
          ) : null}
          <div className="area-fields__add">
            <label htmlFor={`${id}-pick`} className="field__label">
              {t("buySocial.area.municipality")}
            </label>
            <select
              id={`${id}-pick`}
              className="select field__control"
              value={pick}
              onChange={(event) => setPick(event.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
            >
              <option value="">{t("buySocial.area.choose")}</option>
              {left.map((m) => (
                <option key={m.code} value={m.code}>
                  {m.name}
                </option>
              ))}
            </select>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => {
                if (!pick) return;
                onChange({ wholeMetroArea: false, codes: [...value.codes, pick] });
                setPick("");
              }}
            >
              {t("buySocial.area.add")}
            </Button>
          </div>
        </>
      )}
      {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
    </fieldset>
  );
}

/** "Whole metropolitan area", one municipality's name, or "N municipalities". */
export function areaSummary(t: TFunction, wholeMetroArea: boolean, area: readonly { name: string }[]): string {
  if (wholeMetroArea) return t("buySocial.area.whole");
  if (area.length === 1 && area[0]) return area[0].name;
  return t("buySocial.area.count", { count: area.length });
}
