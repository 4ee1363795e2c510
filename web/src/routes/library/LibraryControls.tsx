import { type FormEvent, useId } from "react";
import { useTranslation } from "react-i18next";
import type { LibrarySort } from "../../gql/graphql";
import { Button } from "../../ui/Button";
import { FieldError } from "../../ui/Field";
import type { Filters } from "./libraryFilters";
import { SORTS } from "./libraryFilters";
import { RESOURCE_KINDS, RESOURCE_LANGUAGES } from "./resource.fragment";

export type LibraryParam = "kind" | "lang" | "tag" | "sort" | "q";

interface LibraryControlsProps {
  filters: Filters;
  sort: LibrarySort;
  query: string;
  searching: boolean;
  /** The search box's text, kept by the library so it follows the address. */
  text: string;
  tooShort: boolean;
  onText: (text: string) => void;
  onSearch: (event: FormEvent<HTMLFormElement>) => void;
  setOne: (name: LibraryParam, value: string | null) => void;
}

/** The library's search box, its kind, language and sort filters, and what narrows the list now. */
export function LibraryControls({
  filters,
  sort,
  query,
  searching,
  text,
  tooShort,
  onText,
  onSearch,
  setOne,
}: LibraryControlsProps) {
  const { t } = useTranslation();
  const ids = { kind: useId(), language: useId(), sort: useId(), search: useId() };
  return (
    <div className="library__controls">
      <search className="library__search" aria-label={t("library.searchLabel")}>
        <form onSubmit={onSearch}>
          <label htmlFor={ids.search} className="field__label">
            {t("library.searchLabel")}
          </label>
          <div className="library__search-row">
            <input
              id={ids.search}
              type="search"
              className="field__control"
              value={text}
              onChange={(event) => onText(event.target.value)}
              aria-invalid={tooShort || undefined}
              aria-describedby={tooShort ? `${ids.search}-error` : undefined}
              autoComplete="off"
            />
            <Button type="submit" variant="secondary">
              {t("search.submit")}
            </Button>
          </div>
          {tooShort ? <FieldError id={`${ids.search}-error`}>{t("search.tooShort")}</FieldError> : null}
        </form>
      </search>
      <div className="library__filters">
        <div className="library__filter">
          <label htmlFor={ids.kind}>{t("library.kindFilter")}</label>
          <select
            id={ids.kind}
            className="select"
            value={filters.kind ?? ""}
            onChange={(event) => setOne("kind", event.target.value || null)}
          >
            <option value="">{t("library.allKinds")}</option>
            {RESOURCE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`library.kind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="library__filter">
          <label htmlFor={ids.language}>{t("library.languageLabel")}</label>
          <select
            id={ids.language}
            className="select"
            value={filters.language ?? ""}
            onChange={(event) => setOne("lang", event.target.value || null)}
          >
            <option value="">{t("library.allLanguages")}</option>
            {RESOURCE_LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {t(`library.language.${language}`)}
              </option>
            ))}
          </select>
        </div>
        {searching ? null : (
          <div className="library__filter">
            <label htmlFor={ids.sort}>{t("threads.sortLabel")}</label>
            <select
              id={ids.sort}
              className="select"
              value={sort}
              onChange={(event) =>
                setOne("sort", event.target.value === "FEATURED_HELPFUL" ? null : event.target.value)
              }
            >
              {SORTS.map((value) => (
                <option key={value} value={value}>
                  {t(`library.sort.${value}`)}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {filters.tag || searching ? (
        <p className="active-filter">
          {searching ? (
            <>
              <span>{t("library.searchingFor", { query })}</span>{" "}
              <button type="button" className="link-button" onClick={() => setOne("q", null)}>
                {t("library.clearSearch")}
              </button>
            </>
          ) : null}
          {filters.tag ? (
            <>
              <span>{t("library.filteredBy")}</span> <span className="tag tag--static">#{filters.tag}</span>{" "}
              <button type="button" className="link-button" onClick={() => setOne("tag", null)}>
                {t("threads.clearFilter")}
              </button>
            </>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
