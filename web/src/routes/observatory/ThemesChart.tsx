import { useTranslation } from "react-i18next";
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { ChartSection, DataTable } from "./ChartSection";
import type { ObservatoryData } from "./observatory.query";
import { useChartColors } from "./useChartColors";

/** The most active themes (the api orders them): activity of the last 12 months, with partners and communities in the table. */
export function ThemesChart({ data }: { data: ObservatoryData["themes"] }) {
  const { t, i18n } = useTranslation();
  const colors = useChartColors();
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
        <ResponsiveContainer width="100%" height={Math.max(160, rows.length * 36 + 40)}>
          <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 48 }} accessibilityLayer={false}>
            <CartesianGrid horizontal={false} stroke={colors.grid} />
            <XAxis type="number" allowDecimals={false} stroke={colors.text} tick={{ fill: colors.text }} />
            <YAxis
              type="category"
              dataKey="label"
              width={190}
              stroke={colors.text}
              tick={{ fill: colors.text, fontSize: 13 }}
            />
            <Bar dataKey="activity" fill={colors.series[3]} isAnimationActive={false}>
              <LabelList
                dataKey="activity"
                position="right"
                fill={colors.text}
                formatter={(v) => number.format(Number(v))}
              />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
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
