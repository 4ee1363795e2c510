import { useTranslation } from "react-i18next";
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { ChartSection, DataTable } from "./ChartSection";
import type { ObservatoryData } from "./observatory.query";
import { useChartColors } from "./useChartColors";

/** Partners by category: a horizontal bar each, its figure written at its end (not by colour or length alone). */
export function CategoryChart({ data }: { data: ObservatoryData["partnersByCategory"] }) {
  const { t, i18n } = useTranslation();
  const colors = useChartColors();
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
        <ResponsiveContainer width="100%" height={Math.max(160, rows.length * 40 + 40)}>
          <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 40 }} accessibilityLayer={false}>
            <CartesianGrid horizontal={false} stroke={colors.grid} />
            <XAxis type="number" allowDecimals={false} stroke={colors.text} tick={{ fill: colors.text }} />
            <YAxis
              type="category"
              dataKey="label"
              width={190}
              stroke={colors.text}
              tick={{ fill: colors.text, fontSize: 13 }}
            />
            <Bar dataKey="partners" fill={colors.series[0]} isAnimationActive={false}>
              <LabelList
                dataKey="partners"
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
          caption={t("observatory.category.title")}
          columns={[t("observatory.category.column"), t("observatory.partners")]}
          rows={rows.map((row) => [row.label, number.format(row.partners)])}
        />
      }
    />
  );
}
