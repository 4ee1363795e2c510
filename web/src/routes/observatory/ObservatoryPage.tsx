import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import { formatDateTime } from "../../ui/format";
import { PageError, PageLoading } from "../../ui/PageStates";
import { CategoryChart } from "./CategoryChart";
import { CommunityActivityChart } from "./CommunityActivityChart";
import { observatoryQuery } from "./observatory.query";
import { SigningYearChart } from "./SigningYearChart";
import { ThemesChart } from "./ThemesChart";
import "./observatory.css";

const TOTALS = [
  "partners",
  "formerPartners",
  "communities",
  "members",
  "threads",
  "replies",
  "resources",
  "documents",
  "endorsements",
] as const;

/**
 * /observatory: the ecosystem at a glance. The figures are the api's cached aggregates (refreshed
 * every few minutes, never computed per view); each chart carries its summary and its table.
 */
export function ObservatoryPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("observatory.title"));
  const { data, loading, error, refetch } = useQuery(observatoryQuery, { fetchPolicy: "cache-and-network" });
  const observatory = data?.observatory;
  const number = new Intl.NumberFormat(i18n.language);

  if (loading && !observatory) return <PageLoading />;
  if (error && !observatory) return <PageError error={error} retry={refetch} />;
  if (!observatory) return null;

  return (
    <div className="container page observatory">
      <h1>{t("observatory.title")}</h1>
      <p className="section__intro">{t("observatory.intro")}</p>
      <p className="observatory__asof">
        {t("observatory.asOf")}{" "}
        <time dateTime={observatory.refreshedAt}>{formatDateTime(observatory.refreshedAt, i18n.language)}</time>
        {" · "}
        <Link to="/partners">{t("observatory.directory")}</Link>
      </p>
      <section aria-labelledby="totals-title">
        <h2 id="totals-title" className="visually-hidden">
          {t("observatory.totals")}
        </h2>
        <dl className="observatory__totals">
          {TOTALS.map((key) => (
            <div key={key} className="observatory__total">
              <dt>{t(`observatory.total.${key}`)}</dt>
              <dd>{number.format(observatory.totals[key])}</dd>
            </div>
          ))}
        </dl>
      </section>
      <div className="observatory__charts">
        <CategoryChart data={observatory.partnersByCategory} />
        <SigningYearChart data={observatory.partnersBySigningYear} />
        <CommunityActivityChart data={observatory.communities} />
        <ThemesChart data={observatory.themes} />
      </div>
    </div>
  );
}
