import { useTranslation } from "react-i18next";
import { ChartSection, DataTable } from "./ChartSection";
import { HorizontalBars } from "./HorizontalBars";
import type { ObservatoryData } from "./observatory.query";

/** The most active themes (the api orders them): activity of the last 12 months, with partners and communities in the table. */
export function ThemesChart({ data }: { data: ObservatoryData["themes"] }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const rows = data.map((row) => ({ label: row.theme.name, ...row }));
  const top = rows[0];
  const summary = top
    ? t("observatory.themes.summary", { theme: top.label, count: top.activity, partners: top.partners })
    : t("observatory.empty");
  return (
    <ChartSection
      id="themes"
      title={t("observatory.themes.title")}
      summary={summary}
      chart={
        <HorizontalBars
          rows={rows.map((row) => ({ label: row.label, value: row.activity }))}
          series={3}
          barHeight={36}
        />
      }
      table={
        <DataTable
          caption={t("observatory.themes.title")}
          columns={[
            t("observatory.themes.theme"),
            t("observatory.themes.activity"),
            t("observatory.partners"),
            t("observatory.themes.communities"),
          ]}
          rows={rows.map((row) => [
            row.label,
            number.format(row.activity),
            number.format(row.partners),
            number.format(row.communities),
          ])}
        />
      }
    />
  );
}
