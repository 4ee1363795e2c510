import { PROGRAMMES } from "@pratica/rules";
import { type FormEvent, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/Button";
import { CALL_STATUSES, type CallFilterParam, type CallFilters } from "./filters";
import { programmeName } from "./labels";

interface Props {
  filters: CallFilters;
  themes: readonly { key: string; name: string }[];
  setOne: (name: CallFilterParam, value: string | null) => void;
  signedIn: boolean;
}

/** The calls list's filters; each change is a new address (Back undoes it). */
export function CallFilterControls({ filters, themes, setOne, signedIn }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(filters.q);
  useEffect(() => setText(filters.q), [filters.q]);

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setOne("q", text.trim() || null);
  };

  const select = (name: CallFilterParam, label: string, value: string, options: [string, string][], all: string) => (
    <div className="hub-filter">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <select
        id={`${id}-${name}`}
        className="select"
        value={value}
        onChange={(event) => setOne(name, event.target.value || null)}
      >
        <option value="">{all}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );

  const dayInput = (name: "from" | "to", label: string) => (
    <div className="hub-filter">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        type="date"
        className="field__control"
        value={filters[name] ?? ""}
        onChange={(event) => setOne(name, event.target.value || null)}
      />
    </div>
  );

  return (
    <div className="hub-controls">
      <search className="hub-search">
        <form onSubmit={onSearch}>
          <label htmlFor={`${id}-q`} className="field__label">
            {t("hub.filters.words")}
          </label>
          <div className="hub-search__row">
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
      <div className="hub-filters">
        {select(
          "programme",
          t("hub.filters.programme"),
          filters.programme ?? "",
          PROGRAMMES.map((p) => [p, programmeName(t, p)]),
          t("hub.filters.allProgrammes"),
        )}
        {select(
          "status",
          t("hub.filters.status"),
          filters.status ?? "",
          CALL_STATUSES.map((s) => [s, t(`hub.status.${s}`)]),
          t("hub.filters.anyStatus"),
        )}
        {select(
          "theme",
          t("hub.filters.theme"),
          filters.theme ?? "",
          themes.map((theme) => [theme.key, theme.name]),
          t("hub.filters.allThemes"),
        )}
        {dayInput("from", t("hub.filters.deadlineFrom"))}
        {dayInput("to", t("hub.filters.deadlineTo"))}
        {signedIn ? (
          <div className="hub-filter hub-filter--check">
            <input
              id={`${id}-followed`}
              type="checkbox"
              checked={filters.followed}
              onChange={(event) => setOne("followed", event.target.checked ? "1" : null)}
            />
            <label htmlFor={`${id}-followed`}>{t("hub.filters.followed")}</label>
          </div>
        ) : null}
      </div>
    </div>
  );
}
