import { useQuery } from "@apollo/client/react";
import { type FormEvent, useDeferredValue, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import { Button } from "../../ui/Button";
import { useMunicipalities } from "./AreaFields";
import { cpvSearchVariables } from "./CpvPicker";
import type { SupplierFilterParam, SupplierFilters } from "./directoryFilters";
import { CERTIFICATION_KINDS } from "./shared";

const cpvFilterQuery = graphql(`
  query CpvFilterSearch($query: String, $prefix: String) {
    cpvCodes(query: $query, prefix: $prefix, first: 6) {
      code
      checkDigit
      label
    }
  }
`);

const cpvNameQuery = graphql(`
  query CpvFilterName($code: String!) {
    cpvCode(code: $code) {
      code
      checkDigit
      label
    }
  }
`);

interface Props {
  filters: SupplierFilters;
  setOne: (name: SupplierFilterParam, value: string | null) => void;
}

/** The directory's filters: words, a CPV code or its start, a municipality, a certification. */
export function SupplierFilterControls({ filters, setOne }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const municipalities = useMunicipalities();
  const [text, setText] = useState(filters.q);
  useEffect(() => setText(filters.q), [filters.q]);
  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setOne("q", text.trim() || null);
  };

  return (
    <div className="buy-social__controls">
      <search className="buy-social__search">
        <form onSubmit={onSearch}>
          <label htmlFor={`${id}-q`} className="field__label">
            {t("buySocial.directory.searchLabel")}
          </label>
          <div className="buy-social__row">
            <input
              id={`${id}-q`}
              type="search"
              className="field__control"
              value={text}
              onChange={(event) => setText(event.target.value)}
              autoComplete="off"
            />
            <Button type="submit" variant="secondary">
              {t("search.submit")}
            </Button>
          </div>
        </form>
      </search>
      <CpvFilter value={filters.cpv} onChange={(code) => setOne("cpv", code)} />
      <div className="buy-social__filters">
        <div className="buy-social__filter">
          <label htmlFor={`${id}-municipality`}>{t("buySocial.area.municipality")}</label>
          <select
            id={`${id}-municipality`}
            className="select"
            value={filters.municipality ?? ""}
            onChange={(event) => setOne("municipality", event.target.value || null)}
          >
            <option value="">{t("buySocial.directory.anyMunicipality")}</option>
            {municipalities.map((m) => (
              <option key={m.code} value={m.code}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div className="buy-social__filter">
          <label htmlFor={`${id}-certification`}>{t("buySocial.certification")}</label>
          <select
            id={`${id}-certification`}
            className="select"
            value={filters.certification ?? ""}
            onChange={(event) => setOne("certification", event.target.value || null)}
          >
            <option value="">{t("buySocial.directory.anyCertification")}</option>
            {CERTIFICATION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`buySocial.kind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
    </div>
  );
}

/** A CPV code (or the start of one) to filter by: found by words or digits; the start of a code counts too. */
function CpvFilter({ value, onChange }: { value: string | null; onChange: (code: string | null) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState("");
  const deferred = useDeferredValue(text.trim());
  const tooShort = deferred.length < 2;
  const search = useQuery(cpvFilterQuery, { variables: cpvSearchVariables(deferred), skip: tooShort });
  const named = useQuery(cpvNameQuery, {
    variables: { code: value ?? "" },
    skip: value?.length !== 8,
    errorPolicy: "ignore",
  });
  const prefix = /^\d{2,8}$/.test(deferred) ? deferred : null;
  const current = named.data?.cpvCode;

  return (
    <div className="buy-social__cpv">
      {value ? (
        <p className="buy-social__cpv-current">
          <span>
            {t("buySocial.directory.cpvCurrent")}{" "}
            <strong>{current ? `${current.code}-${current.checkDigit} ${current.label}` : `${value}…`}</strong>
          </span>{" "}
          <Button variant="ghost" size="sm" onClick={() => onChange(null)}>
            {t("buySocial.directory.cpvClear")}
          </Button>
        </p>
      ) : null}
      <label htmlFor={`${id}-cpv`} className="field__label">
        {t("buySocial.directory.cpvLabel")}
      </label>
      <input
        id={`${id}-cpv`}
        type="search"
        className="field__control"
        value={text}
        autoComplete="off"
        aria-describedby={`${id}-cpv-hint`}
        onChange={(event) => setText(event.target.value)}
      />
      <p className="field__hint" id={`${id}-cpv-hint`}>
        {t("buySocial.directory.cpvHint")}
      </p>
      {tooShort ? null : (
        <ul className="cpv-picker__results" aria-label={t("buySocial.cpv.results")}>
          {prefix ? (
            <li>
              <Button
                variant="secondary"
                size="sm"
                onClick={() => {
                  onChange(prefix);
                  setText("");
                }}
              >
                {t("buySocial.directory.cpvPrefix", { prefix })}
              </Button>
            </li>
          ) : null}
          {(search.data?.cpvCodes ?? []).map((c) => (
            <li key={c.code}>
              <Button
                variant="secondary"
                size="sm"
                onClick={() => {
                  onChange(c.code);
                  setText("");
                }}
              >
                {t("buySocial.directory.cpvChoose", { code: `${c.code}-${c.checkDigit}`, label: c.label })}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
