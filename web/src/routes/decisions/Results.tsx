import { useTranslation } from "react-i18next";
import { type Decision, optionLabel } from "./types";

/** A figure with a bar beside it: the number is written, the bar only repeats it. */
function Bar({ value, max }: { value: number; max: number }) {
  const width = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    <span className="result-bar" aria-hidden="true">
      <span className="result-bar__fill" style={{ width: `${width}%` }} />
    </span>
  );
}

interface Row {
  key: string;
  label: string;
  value: number;
  shown?: string;
}

function ResultTable({ caption, column, rows }: { caption: string; column: string; rows: Row[] }) {
  const { t, i18n } = useTranslation();
  const max = Math.max(0, ...rows.map((row) => row.value));
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  return (
    <table className="results-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("decisions.results.option")}</th>
          <th scope="col">{column}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td>
              <span className="results-table__value">{row.shown ?? number.format(row.value)}</span>
              <Bar value={row.value} max={max} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The results as this viewer may see them, per kind; a notice when they are not shown yet. */
export function Results({ decision }: { decision: Decision }) {
  const { t, i18n } = useTranslation();
  if (decision.state === "DRAFT" || decision.state === "CANCELLED") return null;
  const results = decision.results;
  const labelOf = new Map(decision.options.map((option) => [option.id, optionLabel(option, i18n.language)]));
  const name = (id: string) => labelOf.get(id) ?? "";

  let body: React.ReactNode;
  if (!results) {
    body = (
      <p className="hidden-notice" data-testid="results-hidden">
        {t(
          decision.resultsVisibility === "AFTER_VOTE"
            ? "decisions.results.hiddenUntilVote"
            : "decisions.results.hiddenUntilClose",
        )}
      </p>
    );
  } else if (results.consent) {
    const c = results.consent;
    body = (
      <>
        <p className="results__verdict">
          {t(
            c.blocked
              ? "decisions.results.blocked"
              : c.passed
                ? "decisions.results.passed"
                : "decisions.results.notPassed",
          )}
        </p>
        <ResultTable
          caption={t("decisions.results.positions")}
          column={t("decisions.results.count")}
          rows={(["AGREE", "ABSTAIN", "DISAGREE", "BLOCK"] as const).map((position) => ({
            key: position,
            label: t(`decisions.consent.${position}`),
            value: c[position.toLowerCase() as "agree" | "abstain" | "disagree" | "block"],
          }))}
        />
      </>
    );
  } else if (results.senseCheck) {
    const s = results.senseCheck;
    body = (
      <ResultTable
        caption={t("decisions.results.positions")}
        column={t("decisions.results.count")}
        rows={(["AGREE", "UNSURE", "DISAGREE"] as const).map((position) => ({
          key: position,
          label: t(`decisions.sense.${position}`),
          value: s[position.toLowerCase() as "agree" | "unsure" | "disagree"],
        }))}
      />
    );
  } else if (results.ranked) {
    const ranked = results.ranked;
    body = (
      <>
        {ranked.winnerId ? (
          <p className="results__winner">{t("decisions.results.winner", { option: name(ranked.winnerId) })}</p>
        ) : null}
        {ranked.rounds.map((round, index) => (
          // Rounds have no id of their own: their order is what they are.
          // biome-ignore lint/suspicious/noArrayIndexKey: rounds in order
          <div key={index} className="results__round">
            <ResultTable
              caption={t("decisions.results.round", { round: index + 1 })}
              column={t("decisions.results.firstPreferences")}
              rows={round.tallies.map((tally) => ({
                key: tally.optionId,
                label: name(tally.optionId),
                value: tally.votes,
              }))}
            />
            {round.eliminatedId ? (
              <p className="decision__muted">
                {t("decisions.results.eliminated", { options: name(round.eliminatedId) })}
              </p>
            ) : null}
            {round.exhausted > 0 ? (
              <p className="decision__muted">{t("decisions.results.exhausted", { count: round.exhausted })}</p>
            ) : null}
          </div>
        ))}
      </>
    );
  } else {
    const column =
      decision.kind === "SCORE"
        ? t("decisions.results.averageScore")
        : decision.kind === "DOT_VOTE"
          ? t("decisions.results.dots")
          : t("decisions.results.count");
    body = (
      <ResultTable
        caption={t("decisions.results.byOption")}
        column={column}
        rows={results.totals.map((total) => ({
          key: total.optionId,
          label: name(total.optionId) || total.label,
          value:
            decision.kind === "SCORE"
              ? (total.mean ?? 0)
              : decision.kind === "DOT_VOTE"
                ? (total.dots ?? 0)
                : total.count,
        }))}
      />
    );
  }

  return (
    <section className="decision__results card" aria-labelledby="results-title" data-testid="decision-results">
      <h2 id="results-title">{t("decisions.results.title")}</h2>
      {results ? <p className="decision__muted">{t("decisions.results.votes", { count: results.ballots })}</p> : null}
      {body}
    </section>
  );
}
