import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { graphql } from "../../gql";
import type { DecisionSummaryFragment } from "../../gql/graphql";
import { Badge } from "../../ui/Badge";
import { ButtonLink } from "../../ui/Button";
import { RelativeTime } from "../../ui/RelativeTime";

export const decisionSummary = graphql(`
  fragment DecisionSummary on Decision {
    id
    title
    kind
    state
    closesAt
    closedAt
    participation {
      voted
      eligible
    }
  }
`);

const ORDER = { OPEN: 0, DRAFT: 1, CLOSED: 2, OUTCOME_PUBLISHED: 3, CANCELLED: 4 } as const;

interface DecisionsPanelProps {
  decisions: readonly DecisionSummaryFragment[];
  /** Where "Start a decision" goes (null: the viewer may not start one here). */
  startHref: string | null;
  /**
   * What the decisions are about: it names the panel's landmark ("Decisions on this document"),
   * which must differ from the page's other regions — a document may well have a section called
   * "Decisions" (an event's minutes do).
   */
  about: "THREAD" | "DOCUMENT" | "COMMUNITY" | "EVENT";
}

/** The decisions about a thread, a document or a community, open ones first, and "Start a decision". */
export function DecisionsPanel({ decisions, startHref, about }: DecisionsPanelProps) {
  const { t } = useTranslation();
  if (decisions.length === 0 && !startHref) return null;
  const sorted = [...decisions].sort((a, b) => ORDER[a.state] - ORDER[b.state] || a.closesAt.localeCompare(b.closesAt));
  return (
    <section className="decisions-panel card" aria-label={t(`decisions.panel.about.${about}`)}>
      <h2>{t("decisions.panel.title")}</h2>
      {sorted.length === 0 ? (
        <p className="decision__muted">{t("decisions.panel.none")}</p>
      ) : (
        <ul className="decisions-panel__list">
          {sorted.map((decision) => (
            <li key={decision.id}>
              <Link to={`/decisions/${decision.id}`}>{decision.title}</Link>{" "}
              <Badge tone={decision.state === "OPEN" ? "success" : "neutral"}>
                {t(`decisions.state.${decision.state}`)}
              </Badge>
              <span className="decision__muted">
                {" "}
                {t(`decisions.kind.${decision.kind}.name`)}
                {decision.state === "OPEN" ? (
                  <>
                    {" · "}
                    {t("decisions.timing.closes")} <RelativeTime value={decision.closesAt} />
                    {" · "}
                    {t("decisions.panel.voted", {
                      voted: decision.participation.voted,
                      eligible: decision.participation.eligible,
                    })}
                  </>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      )}
      {startHref ? (
        <p>
          <ButtonLink to={startHref} variant="secondary" size="sm">
            {t("decisions.panel.start")}
          </ButtonLink>
        </p>
      ) : null}
    </section>
  );
}
