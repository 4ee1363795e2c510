import { type FormEvent, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";

/** The header's search field: it leads to `/search?q=`, which lists results of every kind. */
export function HeaderSearch() {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const location = useLocation();
  const current = location.pathname === "/search" ? (new URLSearchParams(location.search).get("q") ?? "") : "";
  const [text, setText] = useState(current);
  useEffect(() => setText(current), [current]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = text.trim();
    void navigate(value ? `/search?q=${encodeURIComponent(value)}` : "/search");
  }

  return (
    <search className="header-search" aria-label={t("search.headerLabel")}>
      <form className="header-search__form" onSubmit={onSubmit}>
        <label htmlFor={id} className="visually-hidden">
          {t("search.headerLabel")}
        </label>
        <input
          id={id}
          type="search"
          name="q"
          className="header-search__input"
          placeholder={t("search.placeholder")}
          value={text}
          onChange={(event) => setText(event.target.value)}
          autoComplete="off"
        />
        <button type="submit" className="header-search__button">
          <svg className="header-search__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M10.5 3a7.5 7.5 0 0 1 5.96 12.05l4.25 4.24-1.42 1.42-4.24-4.25A7.5 7.5 0 1 1 10.5 3Zm0 2a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11Z" />
          </svg>
          <span className="visually-hidden">{t("search.submit")}</span>
        </button>
      </form>
    </search>
  );
}
