import { useTranslation } from "react-i18next";
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { useChartColors } from "./useChartColors";

type HorizontalBarsProps = {
  /** One bar per row, labelled by `label`, as long as `value`. */
  rows: readonly { label: string; value: number }[];
  /** Which of the theme's chart colours (0..4). */
  series: number;
  /** Height per bar, px. */
  barHeight: number;
};

/**
 * A horizontal bar per row, its figure written at its end: the observatory's category and theme
 * charts, which read a value by a label and must not say it by colour or length alone.
 */
export function HorizontalBars({ rows, series, barHeight }: HorizontalBarsProps) {
  const { i18n } = useTranslation();
  const colors = useChartColors();
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <ResponsiveContainer width="100%" height={Math.max(160, rows.length * barHeight + 40)}>
      <BarChart data={[...rows]} layout="vertical" margin={{ left: 8, right: 48 }} accessibilityLayer={false}>
        <CartesianGrid horizontal={false} stroke={colors.grid} />
        <XAxis type="number" allowDecimals={false} stroke={colors.text} tick={{ fill: colors.text }} />
        <YAxis
          type="category"
          dataKey="label"
          width={190}
          stroke={colors.text}
          tick={{ fill: colors.text, fontSize: 13 }}
        />
        <Bar dataKey="value" fill={colors.series[series]} isAnimationActive={false}>
          <LabelList dataKey="value" position="right" fill={colors.text} formatter={(v) => number.format(Number(v))} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
