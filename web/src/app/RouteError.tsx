import { useTranslation } from "react-i18next";
import { Link, useRouteError } from "react-router";
import { usePageTitle } from "./usePageTitle";

/** Last resort when rendering a page throws: say so plainly and offer a way out. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  usePageTitle(t("routeError.title"));
  if (import.meta.env.DEV) console.error(error);
  return (
    <div className="container page page--narrow">
      <h1>{t("routeError.title")}</h1>
      <p>{t("routeError.body")}</p>
      <p className="actions">
        <a className="btn btn--primary" href={window.location.pathname}>
          {t("routeError.reload")}
        </a>
        <Link className="btn btn--secondary" to="/">
          {t("common.backHome")}
        </Link>
      </p>
    </div>
  );
}
