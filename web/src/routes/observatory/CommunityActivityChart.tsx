import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { SelectField } from "../../ui/Field";
import { ChartSection, DataTable } from "./ChartSection";
import type { ObservatoryData } from "./observatory.query";
import { useChartColors } from "./useChartColors";

const SERIES = ["threads", "replies", "resources", "documents", "endorsements"] as const;
/** Each series its own dash, so the lines are told apart without their colours. */
const DASHES = ["", "6 3", "2 3", "10 4 2 4", "1 5"];

/** "2026-03" as the reader's language writes a month: "Mar 2026", "mar 2026". */
function monthLabel(month: string, language: string): string {
  const [year, m] = month.split("-").map(Number);
  return new Intl.DateTimeFormat(language, { month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(year ?? 1970, (m ?? 1) - 1, 1)),
  );
}

/** Activity per community over the last 24 months, one community at a time (a picker). */
export function CommunityActivityChart({ data }: { data: ObservatoryData["communities"] }) {
  const { t, i18n } = useTranslation();
  const colors = useChartColors();
  const number = new Intl.NumberFormat(i18n.language);
  const [chosenId, setChosenId] = useState(data[0]?.community.id ?? "");
  const chosen = data.find((c) => c.community.id === chosenId) ?? data[0];
  const months = (chosen?.months ?? []).map((m) => ({ ...m, label: monthLabel(m.month, i18n.language) }));
  const sum = (key: (typeof SERIES)[number]) => months.reduce((total, m) => total + m[key], 0);
  const summary = chosen
    ? t("observatory.activity.summary", {
        community: chosen.community.name,
        members: chosen.members,
        threads: sum("threads"),
        replies: sum("replies"),
        resources: sum("resources"),
        months: months.length,
      })
    : t("observatory.empty");
  return (
    <ChartSection
      id="activity"
      title={t("observatory.activity.title")}
      summary={summary}
      controls={
        data.length > 0 ? (
          <SelectField
            className="chart__picker"
            label={t("observatory.activity.community")}
            value={chosen?.community.id ?? ""}
            onChange={(event) => setChosenId(event.target.value)}
          >
            {data.map((c) => (
              <option key={c.community.id} value={c.community.id}>
                {c.community.name}
              </option>
            ))}
          </SelectField>
        ) : null
      }
      chart={
        <ResponsiveContainer width="100%" height={300}>
          <LineChart data={months} margin={{ right: 16 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke={colors.grid} />
            <XAxis dataKey="label" stroke={colors.text} tick={{ fill: colors.text, fontSize: 12 }} minTickGap={16} />
            <YAxis allowDecimals={false} stroke={colors.text} tick={{ fill: colors.text }} />
            <Legend wrapperStyle={{ color: colors.text }} />
            {SERIES.map((key, i) => (
              <Line
                key={key}
                dataKey={key}
                name={t(`observatory.activity.${key}`)}
                stroke={colors.series[i]}
                strokeWidth={2}
                strokeDasharray={DASHES[i]}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      }
      table={
        <DataTable
          caption={chosen ? t("observatory.activity.caption", { community: chosen.community.name }) : ""}
          columns={[
            t("observatory.activity.month"),
            t("observatory.activity.membersJoined"),
            ...SERIES.map((key) => t(`observatory.activity.${key}`)),
          ]}
          rows={months.map((m) => [
            m.label,
            number.format(m.membersJoined),
            ...SERIES.map((key) => number.format(m[key])),
          ])}
        />
      }
    />
  );
}
