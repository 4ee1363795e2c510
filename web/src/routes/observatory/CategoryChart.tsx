import { useTranslation } from "react-i18next";
import { ChartSection, DataTable } from "./ChartSection";
import { HorizontalBars } from "./HorizontalBars";
import type { ObservatoryData } from "./observatory.query";

/** Partners by category: a horizontal bar each, its figure written at its end (not by colour or length alone). */
export function CategoryChart({ data }: { data: ObservatoryData["partnersByCategory"] }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const rows = [...data]
    .sort((a, b) => b.partners - a.partners)
    .map((row) => ({ label: t(`organizations.category.${row.category}`), partners: row.partners }));
  const top = rows[0];
  const summary = top
    ? t("observatory.category.summary", { category: top.label, count: top.partners, categories: rows.length })
    : t("observatory.empty");
  return (
    <ChartSection
      id="by-category"
      title={t("observatory.category.title")}
      summary={summary}
      chart={
        <HorizontalBars
          rows={rows.map((row) => ({ label: row.label, value: row.partners }))}
          series={0}
          barHeight={40}
        />
      }
      table={
        <DataTable
          caption={t("observatory.category.title")}
          columns={[t("observatory.category.column"), t("observatory.partners")]}
          rows={rows.map((row) => [row.label, number.format(row.partners)])}
        />
      }
    />
  );
}
