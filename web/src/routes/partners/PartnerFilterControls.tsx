import { type FormEvent, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ORGANIZATION_CATEGORIES } from "../../app/organizationCategories";
import type { PartnerVocabularyQuery } from "../../gql/graphql";
import { Button } from "../../ui/Button";
import { type FilterParam, type PartnerFilters, signingYears } from "./filters";

interface Props {
  filters: PartnerFilters;
  vocabulary: PartnerVocabularyQuery | undefined;
  setOne: (name: FilterParam, value: string | null) => void;
  /** The directory sorts; the map has no order to choose. */
  withSort?: boolean;
}

/** The filters the directory and the map share; each change is a new address (Back undoes it). */
export function PartnerFilterControls({ filters, vocabulary, setOne, withSort = true }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(filters.q);
  useEffect(() => setText(filters.q), [filters.q]);

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setOne("q", text.trim() || null);
  };

  const select = (name: FilterParam, label: string, value: string, options: [string, string][], all?: string) => (
    <div className="partners__filter">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <select
        id={`${id}-${name}`}
        className="select"
        value={value}
        onChange={(event) => setOne(name, event.target.value || null)}
      >
        {all !== undefined ? <option value="">{all}</option> : null}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="partners__controls">
      <search className="partners__search">
        <form onSubmit={onSearch}>
          <label htmlFor={`${id}-q`} className="field__label">
            {t("directory.searchLabel")}
          </label>
          <div className="partners__search-row">
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
      <div className="partners__filters">
        {select(
          "category",
          t("directory.category"),
          filters.category ?? "",
          ORGANIZATION_CATEGORIES.map((c) => [c, t(`organizations.category.${c}`)]),
          t("directory.allCategories"),
        )}
        {select(
          "theme",
          t("directory.theme"),
          filters.theme ?? "",
          (vocabulary?.themes ?? []).map((theme) => [theme.key, theme.name]),
          t("directory.allThemes"),
        )}
        {select(
          "sdg",
          t("directory.sdg"),
          filters.sdg ? String(filters.sdg) : "",
          (vocabulary?.sdgs ?? []).map((sdg) => [String(sdg.number), `${sdg.number}. ${sdg.name}`]),
          t("directory.allSdgs"),
        )}
        {select(
          "community",
          t("directory.community"),
          filters.community ?? "",
          (vocabulary?.communities ?? []).map((c) => [c.slug, c.name]),
          t("directory.allCommunities"),
        )}
        {select(
          "year",
          t("directory.year"),
          filters.year ? String(filters.year) : "",
          signingYears().map((y) => [String(y), String(y)]),
          t("directory.anyYear"),
        )}
        {select("status", t("directory.status"), filters.status, [
          ["current", t("directory.statusCurrent")],
          ["former", t("directory.statusFormer")],
          ["all", t("directory.statusAll")],
        ])}
        {withSort
          ? select("sort", t("directory.sort"), filters.sort, [
              ["name", t("directory.sortName")],
              ["signed", t("directory.sortSigned")],
            ])
          : null}
      </div>
    </div>
  );
}
