import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

interface ChartSectionProps {
  id: string;
  title: string;
  /** What the chart shows, in one or two sentences: read first, and the chart's accessible name. */
  summary: string;
  /** Above the chart: a picker, a legend. */
  controls?: ReactNode;
  chart: ReactNode;
  /** The same figures as a table, under "Show the data". */
  table: ReactNode;
}

/**
 * One chart of the observatory: its heading, its summary in words, the picture (an image to
 * assistive technology, named by the summary) and its data as a table one click away.
 */
export function ChartSection({ id, title, summary, controls, chart, table }: ChartSectionProps) {
  const { t } = useTranslation();
  return (
    <section className="chart card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="chart__summary">{summary}</p>
      {controls}
      <div className="chart__picture" role="img" aria-label={summary}>
        {chart}
      </div>
      <details className="chart__data">
        <summary>{t("observatory.showData")}</summary>
        {table}
      </details>
    </section>
  );
}

interface DataTableProps {
  caption: string;
  columns: readonly string[];
  rows: readonly (readonly (string | number)[])[];
}

/** A chart's figures: the first column names the row, the others are numbers. */
export function DataTable({ caption, columns, rows }: DataTableProps) {
  const { t } = useTranslation();
  return (
    // A wide table scrolls sideways on a phone: focusable, so the keyboard scrolls it too.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus (WCAG 2.1.1)
    <section className="chart__table-wrap" tabIndex={0} aria-label={t("observatory.tableOf", { caption })}>
      <table className="chart__table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th key={column} scope="col" className={i > 0 ? "chart__number" : undefined}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={String(row[0])}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={columns[i]} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={columns[i]} className="chart__number">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
