import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { graphql } from "../../gql";
import type { PartnerSearchSummaryFragment } from "../../gql/graphql";
import { Badge } from "../../ui/Badge";
import { countryName } from "./countries";

export const partnerSearchSummaryFragment = graphql(`
  fragment PartnerSearchSummary on PartnerSearch {
    id
    kind
    role
    expertise
    countries
    status
    interestCount
    organization {
      id
      name
    }
  }
`);

/** A partner search in a list: who, seeking or offering which role, and a link to it. */
export function SearchSummary({
  search,
  headingLevel = 3,
}: {
  search: PartnerSearchSummaryFragment;
  headingLevel?: 3 | 4;
}) {
  const { t, i18n } = useTranslation();
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <article className="hub-card hub-card--search">
      <Heading className="hub-card__title">
        <Link to={`/hub/searches/${search.id}`}>
          {t(`hub.search.headline.${search.kind}`, {
            organization: search.organization.name,
            role: t(`hub.roles.${search.role}`),
          })}
        </Link>
      </Heading>
      <p className="hub-card__badges">
        {search.status !== "OPEN" ? <Badge>{t(`hub.search.status.${search.status}`)}</Badge> : null}
        <Badge tone="accent">{t("hub.search.interestCount", { count: search.interestCount })}</Badge>
      </p>
      <p className="hub-card__excerpt">{search.expertise}</p>
      {search.countries.length > 0 ? (
        <p className="hub-card__meta">{search.countries.map((code) => countryName(code, i18n.language)).join(", ")}</p>
      ) : null}
    </article>
  );
}
