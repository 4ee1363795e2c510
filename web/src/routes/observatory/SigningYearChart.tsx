import { useTranslation } from "react-i18next";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { ChartSection, DataTable } from "./ChartSection";
import type { ObservatoryData } from "./observatory.query";
import { useChartColors } from "./useChartColors";

/** Partners by signing year: who joined each year (bars) and how many partners there were at its end (a line). */
export function SigningYearChart({ data }: { data: ObservatoryData["partnersBySigningYear"] }) {
  const { t, i18n } = useTranslation();
  const colors = useChartColors();
  const number = new Intl.NumberFormat(i18n.language);
  const first = data[0];
  const last = data[data.length - 1];
  const summary =
    first && last
      ? t("observatory.years.summary", { from: first.year, to: last.year, total: last.total, joined: last.joined })
      : t("observatory.empty");
  const joined = t("observatory.years.joined");
  const withdrawn = t("observatory.years.withdrawn");
  const total = t("observatory.years.total");
  return (
    <ChartSection
      id="by-year"
      title={t("observatory.years.title")}
      summary={summary}
      chart={
        <ResponsiveContainer width="100%" height={280}>
          <ComposedChart data={data} margin={{ right: 16 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke={colors.grid} />
            <XAxis dataKey="year" stroke={colors.text} tick={{ fill: colors.text }} />
            <YAxis allowDecimals={false} stroke={colors.text} tick={{ fill: colors.text }} />
            <Legend wrapperStyle={{ color: colors.text }} />
            <Bar dataKey="joined" name={joined} fill={colors.series[0]} isAnimationActive={false} />
            <Bar dataKey="withdrawn" name={withdrawn} fill={colors.series[1]} isAnimationActive={false} />
            {/* Dashed with square dots: told apart from the bars by shape, not only colour. */}
            <Line
              dataKey="total"
              name={total}
              stroke={colors.series[2]}
              strokeWidth={2}
              strokeDasharray="6 3"
              dot={{ r: 4, fill: colors.series[2] }}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      }
      table={
        <DataTable
          caption={t("observatory.years.title")}
          columns={[t("observatory.years.year"), joined, withdrawn, total]}
          rows={data.map((row) => [
            String(row.year),
            number.format(row.joined),
            number.format(row.withdrawn),
            number.format(row.total),
          ])}
        />
      }
    />
  );
}
