import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { graphql } from "../../gql";
import type { DirectoryOrganizationFragment } from "../../gql/graphql";
import { Badge } from "../../ui/Badge";
import { formatDate } from "../../ui/format";

export const directoryOrganizationFragment = graphql(`
  fragment DirectoryOrganization on Organization {
    id
    slug
    name
    category
    district
    memorandumSignedOn
    withdrawnOn
    isFormerPartner
    themes {
      key
      name
    }
  }
`);

/** One partner in the directory: what tells it apart at a glance, its page one click away. */
export function OrganizationCard({ organization: o }: { organization: DirectoryOrganizationFragment }) {
  const { t, i18n } = useTranslation();
  return (
    <article className="partner-card">
      <h2 className="partner-card__name">
        <Link to={`/partners/${o.slug}`}>{o.name}</Link>
      </h2>
      <p className="partner-card__meta">
        <span>{t(`organizations.category.${o.category}`)}</span>
        {o.district ? <span>{o.district}</span> : null}
        {o.isFormerPartner ? <Badge tone="neutral">{t("partners.former")}</Badge> : null}
      </p>
      {o.themes.length > 0 ? (
        <ul className="partner-card__themes" aria-label={t("directory.themes")}>
          {o.themes.map((theme) => (
            <li key={theme.key}>{theme.name}</li>
          ))}
        </ul>
      ) : null}
      <p className="partner-card__date">
        {o.isFormerPartner && o.withdrawnOn
          ? t("directory.formerSince", { date: formatDate(o.withdrawnOn, i18n.language) })
          : o.memorandumSignedOn
            ? t("directory.signedOn", { date: formatDate(o.memorandumSignedOn, i18n.language) })
            : t("directory.notSigned")}
      </p>
    </article>
  );
}
