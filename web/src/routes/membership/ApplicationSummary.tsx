import { useTranslation } from "react-i18next";
import type { Application } from "./application.fragment";

/** What the organisation said about itself, as a description list (both names, contacts included). */
export function ApplicationSummary({ application: a }: { application: Application }) {
  const { t } = useTranslation();
  const rows: [string, string | null | undefined][] = [
    [t("joining.fields.nameEn"), a.nameEn],
    [t("joining.fields.nameIt"), a.nameIt],
    [t("joining.fields.category"), t(`organizations.category.${a.category}`)],
    [t("joining.fields.descriptionEn"), a.descriptionEn],
    [t("joining.fields.descriptionIt"), a.descriptionIt],
    [t("joining.fields.website"), a.website],
    [t("joining.fields.address"), a.address],
    [t("joining.fields.district"), a.district],
    [
      t("joining.fields.coordinates"),
      a.latitude != null && a.longitude != null ? `${a.latitude}, ${a.longitude}` : null,
    ],
    [t("joining.summary.themes"), a.themes.map((theme) => theme.name).join(", ")],
    [t("joining.summary.sdgs"), a.sdgs.map((sdg) => `${sdg.number}. ${sdg.name}`).join("; ")],
    [t("joining.summary.communities"), a.communities.map((c) => c.name).join(", ")],
    [t("joining.fields.motivation"), a.motivation],
    [t("joining.summary.contactName"), a.contactName],
    [t("joining.summary.contactEmail"), a.contactEmail],
    [t("joining.summary.contactPhone"), a.contactPhone],
    [t("joining.fields.representativeName"), a.representativeName],
    [t("joining.fields.representativeEmail"), a.representativeEmail],
  ];
  return (
    <dl className="application-summary">
      {rows
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <div key={label} className="application-summary__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
