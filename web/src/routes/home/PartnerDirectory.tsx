import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { ORGANIZATION_CATEGORIES } from "../../app/organizationCategories";
import { graphql } from "../../gql";
import type { OrganizationCategory, PartnerOrganizationsQuery } from "../../gql/graphql";
import { EmptyState } from "../../ui/EmptyState";
import { ErrorState } from "../../ui/ErrorState";
import { Loading } from "../../ui/Loading";

export const partnerOrganizationsQuery = graphql(`
  query PartnerOrganizations {
    organizations(first: 100) {
      edges {
        node {
          id
          slug
          name
          category
          website
        }
      }
    }
  }
`);

type Organization = PartnerOrganizationsQuery["organizations"]["edges"][number]["node"];

function safeWebsite(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

export function PartnerDirectory() {
  const { t, i18n } = useTranslation();
  const { data, loading, error, refetch } = useQuery(partnerOrganizationsQuery);
  const collator = new Intl.Collator(i18n.language);

  const groups = new Map<OrganizationCategory, Organization[]>();
  for (const { node: org } of data?.organizations.edges ?? []) {
    const list = groups.get(org.category) ?? [];
    list.push(org);
    groups.set(org.category, list);
  }

  return (
    <section id="partners" className="container section" aria-labelledby="partners-title">
      <div className="section__header">
        <h2 id="partners-title">{t("partners.title")}</h2>
        <p className="section__intro">{t("partners.intro")}</p>
      </div>
      {loading && !data ? <Loading /> : null}
      {error && !data ? <ErrorState error={error} retry={refetch} /> : null}
      {data && data.organizations.edges.length === 0 ? (
        <EmptyState title={t("partners.emptyTitle")}>
          <p>{t("partners.emptyBody")}</p>
        </EmptyState>
      ) : null}
      {data && data.organizations.edges.length > 0 ? (
        <div className="partner-groups">
          {ORGANIZATION_CATEGORIES.filter((c) => groups.has(c)).map((category) => {
            const orgs = [...(groups.get(category) ?? [])].sort((a, b) => collator.compare(a.name, b.name));
            return (
              <details key={category} className="partner-group">
                <summary>
                  <span className="partner-group__name">{t(`organizations.category.${category}`)}</span>
                  <span className="partner-group__count">{t("partners.count", { count: orgs.length })}</span>
                </summary>
                <ul className="partner-list">
                  {orgs.map((org) => {
                    const website = safeWebsite(org.website);
                    return (
                      <li key={org.id}>
                        {website ? (
                          <a href={website} rel="noopener noreferrer" target="_blank">
                            {org.name}
                            <span className="visually-hidden"> ({t("common.opensInNewTab")})</span>
                          </a>
                        ) : (
                          org.name
                        )}
                      </li>
                    );
                  })}
                </ul>
              </details>
            );
          })}
        </div>
      ) : null}
    </section>
  );
}
