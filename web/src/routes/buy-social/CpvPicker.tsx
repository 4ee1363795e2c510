import { useQuery } from "@apollo/client/react";
import { useDeferredValue, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import { Button } from "../../ui/Button";
import { FieldError } from "../../ui/Field";

export const cpvChoiceFragment = graphql(`
  fragment CpvChoice on CpvCode {
    code
    checkDigit
    label
    ancestors {
      code
      label
    }
  }
`);

/** A code chosen in the picker, with what it needs to be shown (its label and its ancestors'). */
export interface CpvChoice {
  code: string;
  checkDigit: number;
  label: string;
  ancestors: readonly { code: string; label: string }[];
}

const cpvSearchQuery = graphql(`
  query CpvSearch($query: String, $prefix: String, $first: Int!) {
    cpvCodes(query: $query, prefix: $prefix, first: $first) {
      ...CpvChoice
    }
  }
`);

/** Digits are a code or its start; anything else is words of a code's name. */
export function cpvSearchVariables(text: string) {
  const trimmed = text.trim();
  const digits = /^\d[\d-]*$/.test(trimmed);
  return digits ? { prefix: trimmed.replace(/-.*$/, ""), query: null } : { query: trimmed, prefix: null };
}

interface Props {
  label: string;
  hint?: string;
  value: readonly CpvChoice[];
  onChange: (next: CpvChoice[]) => void;
  max: number;
  error?: string | undefined;
}

/**
 * CPV codes chosen by searching their names (in the reader's language) or typing the start of a
 * code; each chosen code shows where it stands in the vocabulary, root first.
 */
export function CpvPicker({ label, hint, value, onChange, max, error }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState("");
  const deferred = useDeferredValue(text);
  const tooShort = deferred.trim().length < 2;
  const { data, loading } = useQuery(cpvSearchQuery, {
    variables: { ...cpvSearchVariables(deferred), first: 8 },
    skip: tooShort,
  });
  const chosen = new Set(value.map((c) => c.code));
  const results = tooShort ? [] : (data?.cpvCodes ?? []).filter((c) => !chosen.has(c.code));
  const full = value.length >= max;

  return (
    <fieldset className={`field cpv-picker${error ? " field--invalid" : ""}`} aria-describedby={`${id}-hint`}>
      <legend className="field__label">{label}</legend>
      <p className="field__hint" id={`${id}-hint`}>
        {hint ?? t("buySocial.cpv.hint", { max })}
      </p>
      {value.length > 0 ? (
        <ul className="cpv-picker__chosen" aria-label={t("buySocial.cpv.chosen")}>
          {value.map((c) => (
            <li key={c.code} className="cpv-picker__item">
              <CpvLabel code={c} />
              <Button
                variant="ghost"
                size="sm"
                aria-label={t("buySocial.cpv.remove", { code: c.code, label: c.label })}
                onClick={() => onChange(value.filter((other) => other.code !== c.code))}
              >
                {t("buySocial.remove")}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <label htmlFor={`${id}-search`} className="field__label cpv-picker__search-label">
        {t("buySocial.cpv.search")}
      </label>
      <input
        id={`${id}-search`}
        type="search"
        className="field__control"
        value={text}
        disabled={full}
        autoComplete="off"
        onChange={(event) => setText(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {full ? <p className="field__hint">{t("buySocial.cpv.full", { max })}</p> : null}
      {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
      {!tooShort && !full ? (
        <ul className="cpv-picker__results" aria-label={t("buySocial.cpv.results")} aria-busy={loading || undefined}>
          {results.map((c) => (
            <li key={c.code}>
              <Button
                variant="secondary"
                size="sm"
                onClick={() => {
                  onChange([...value, c]);
                  setText("");
                }}
              >
                {t("buySocial.cpv.add", { code: `${c.code}-${c.checkDigit}`, label: c.label })}
              </Button>
            </li>
          ))}
          {!loading && results.length === 0 ? <li className="field__hint">{t("buySocial.cpv.none")}</li> : null}
        </ul>
      ) : null}
    </fieldset>
  );
}

/** "90910000-9 Cleaning services", and its ancestors as a breadcrumb. */
export function CpvLabel({ code }: { code: CpvChoice }) {
  const { t } = useTranslation();
  return (
    <span className="cpv-label">
      <span>
        <code>
          {code.code}-{code.checkDigit}
        </code>{" "}
        {code.label}
      </span>
      {code.ancestors.length > 0 ? (
        <span className="cpv-label__path">
          <span className="visually-hidden">{t("buySocial.cpv.under")} </span>
          {code.ancestors.map((a) => a.label).join(" › ")}
        </span>
      ) : null}
    </span>
  );
}
