import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { categoryCounts, partnerSummaryQuery } from "./PartnerDirectory";

/** The ecosystem at a glance; shares the partner directory's query, so it costs no request. */
export function HeroFacts({ communityCount }: { communityCount: number | null }) {
  const { t, i18n } = useTranslation();
  const { data } = useQuery(partnerSummaryQuery);
  if (communityCount === null || !data) return null;
  const format = new Intl.NumberFormat(i18n.language);
  const areas = categoryCounts(data).length;
  const partners = data.all.totalCount;
  const facts = [
    { value: communityCount, label: t("home.facts.communities", { count: communityCount }) },
    { value: partners, label: t("home.facts.organizations", { count: partners }) },
    { value: areas, label: t("home.facts.areas", { count: areas }) },
  ];
  return (
    <div className="hero__facts">
      <h2 className="visually-hidden">{t("home.facts.title")}</h2>
      <dl>
        {facts.map((fact) => (
          <div key={fact.label} className="hero__fact">
            <dt>{fact.label}</dt>
            <dd>{format.format(fact.value)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
