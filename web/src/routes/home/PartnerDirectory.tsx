import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ORGANIZATION_CATEGORIES } from "../../app/organizationCategories";
import { graphql } from "../../gql";
import type { OrganizationCategory, PartnerSummaryQuery } from "../../gql/graphql";
import { ButtonLink } from "../../ui/Button";
import { EmptyState } from "../../ui/EmptyState";
import { ErrorState } from "../../ui/ErrorState";
import { formatDate } from "../../ui/format";
import { Loading } from "../../ui/Loading";

// One request for the whole summary: a count per category (aliases, a one-row page each: the
// connection's totalCount is what is wanted) and the latest signatories. The home page is the
// first load, so it asks for counts rather than the hundreds of partners themselves.
export const partnerSummaryQuery = graphql(`
  query PartnerSummary {
    all: organizations(first: 1) {
      totalCount
    }
    PUBLIC_SECTOR: organizations(first: 1, category: PUBLIC_SECTOR) {
      totalCount
    }
    FINANCE_AND_PHILANTHROPY: organizations(first: 1, category: FINANCE_AND_PHILANTHROPY) {
      totalCount
    }
    SKILLS_AND_FACILITIES: organizations(first: 1, category: SKILLS_AND_FACILITIES) {
      totalCount
    }
    THIRD_SECTOR_AND_CULTURE: organizations(first: 1, category: THIRD_SECTOR_AND_CULTURE) {
      totalCount
    }
    RESEARCH_AND_TECH_TRANSFER: organizations(first: 1, category: RESEARCH_AND_TECH_TRANSFER) {
      totalCount
    }
    INCUBATORS_AND_ACCELERATORS: organizations(first: 1, category: INCUBATORS_AND_ACCELERATORS) {
      totalCount
    }
    PRIVATE_SECTOR: organizations(first: 1, category: PRIVATE_SECTOR) {
      totalCount
    }
    PROFESSIONAL_ORDERS: organizations(first: 1, category: PROFESSIONAL_ORDERS) {
      totalCount
    }
    recent: organizations(first: 4, sort: SIGNED_ON) {
      edges {
        node {
          id
          slug
          name
          category
          memorandumSignedOn
        }
      }
    }
  }
`);

export function categoryCounts(data: PartnerSummaryQuery): { category: OrganizationCategory; count: number }[] {
  return ORGANIZATION_CATEGORIES.map((category) => ({ category, count: data[category].totalCount })).filter(
    (c) => c.count > 0,
  );
}

/** The home page's short view of the partners, leading to the directory, the map and the observatory. */
export function PartnerDirectory() {
  const { t, i18n } = useTranslation();
  const { data, loading, error, refetch } = useQuery(partnerSummaryQuery);
  const number = new Intl.NumberFormat(i18n.language);

  return (
    <section id="partners" className="container section" aria-labelledby="partners-title">
      <div className="section__header">
        <h2 id="partners-title">{t("partners.title")}</h2>
        <p className="section__intro">{t("partners.intro")}</p>
      </div>
      {loading && !data ? <Loading /> : null}
      {error && !data ? <ErrorState error={error} retry={refetch} /> : null}
      {data && data.all.totalCount === 0 ? (
        <EmptyState title={t("partners.emptyTitle")}>
          <p>{t("partners.emptyBody")}</p>
        </EmptyState>
      ) : null}
      {data && data.all.totalCount > 0 ? (
        <div className="partner-summary">
          <div>
            <h3 className="partner-summary__heading">{t("partners.byCategory")}</h3>
            <ul className="partner-summary__categories">
              {categoryCounts(data).map(({ category, count }) => (
                <li key={category}>
                  <Link to={`/partners?category=${category}`}>{t(`organizations.category.${category}`)}</Link>
                  <span className="partner-summary__count">{number.format(count)}</span>
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h3 className="partner-summary__heading">{t("partners.recent")}</h3>
            <ul className="partner-summary__recent">
              {data.recent.edges.map(({ node }) => (
                <li key={node.id}>
                  <Link to={`/partners/${node.slug}`}>{node.name}</Link>
                  {node.memorandumSignedOn ? (
                    <span className="partner-summary__count">
                      {t("partners.signedOn", { date: formatDate(node.memorandumSignedOn, i18n.language) })}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
          <p className="actions partner-summary__links">
            <ButtonLink to="/partners">{t("partners.all", { count: data.all.totalCount })}</ButtonLink>
            <ButtonLink to="/partners/map" variant="secondary">
              {t("partners.map")}
            </ButtonLink>
            <ButtonLink to="/observatory" variant="secondary">
              {t("partners.observatory")}
            </ButtonLink>
          </p>
        </div>
      ) : null}
    </section>
  );
}
