import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { graphql } from "../../gql";
import type { SupplierCardFieldsFragment } from "../../gql/graphql";
import { areaSummary } from "./AreaFields";
import { CertificationBadges } from "./CertificationBadges";

export const supplierCardFragment = graphql(`
  fragment SupplierCardFields on SupplierProfile {
    organization {
      id
      slug
      name
    }
    offer
    wholeMetroArea
    directConventionEligible
    cpvCodes {
      code
      label
    }
    serviceArea {
      code
      name
    }
    certifications {
      id
      kind
      label
      verification
      expired
    }
  }
`);

const CPV_SHOWN = 4;

/** One supplier in the directory: who, what they supply, where, and their verified certifications. */
export function SupplierCard({ supplier }: { supplier: SupplierCardFieldsFragment }) {
  const { t } = useTranslation();
  const more = supplier.cpvCodes.length - CPV_SHOWN;
  return (
    <article className="supplier-card card">
      <h2 className="supplier-card__name">
        <Link to={`/partners/${supplier.organization.slug}/supplier`}>{supplier.organization.name}</Link>
      </h2>
      {supplier.offer ? <p className="supplier-card__offer">{supplier.offer}</p> : null}
      {supplier.cpvCodes.length > 0 ? (
        <ul className="supplier-card__cpv" aria-label={t("buySocial.cpv.codes")}>
          {supplier.cpvCodes.slice(0, CPV_SHOWN).map((c) => (
            <li key={c.code}>{c.label}</li>
          ))}
          {more > 0 ? <li>{t("buySocial.cpv.more", { count: more })}</li> : null}
        </ul>
      ) : null}
      <p className="supplier-card__area">
        <span className="visually-hidden">{t("buySocial.area.label")}: </span>
        {areaSummary(t, supplier.wholeMetroArea, supplier.serviceArea)}
      </p>
      <CertificationBadges
        certifications={supplier.certifications}
        directConventionEligible={supplier.directConventionEligible}
      />
    </article>
  );
}
