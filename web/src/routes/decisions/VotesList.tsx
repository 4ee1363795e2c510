import { useTranslation } from "react-i18next";
import type { VoteFieldsFragment } from "../../gql/graphql";
import { RelativeTime } from "../../ui/RelativeTime";
import { type Decision, optionLabel } from "./types";

/** Who voted what and why, unless the decision is anonymous or its results are hidden from the viewer (then the api sends none). */
export function VotesList({ decision }: { decision: Decision }) {
  const { t, i18n } = useTranslation();
  if (decision.anonymous) {
    return decision.state === "DRAFT" ? null : <p className="decision__muted">{t("decisions.votes.anonymous")}</p>;
  }
  const votes = decision.votes;
  if (!votes || votes.length === 0) return null;
  const labelOf = new Map(decision.options.map((option) => [option.id, optionLabel(option, i18n.language)]));
  const what = (vote: VoteFieldsFragment): string => {
    if (vote.consent) return t(`decisions.consent.${vote.consent}`);
    if (vote.senseCheck) return t(`decisions.sense.${vote.senseCheck}`);
    if (vote.ranking?.length) return vote.ranking.map((id, i) => `${i + 1}. ${labelOf.get(id) ?? ""}`).join("  ");
    if (vote.scores?.length) return vote.scores.map((s) => `${labelOf.get(s.optionId) ?? ""}: ${s.score}`).join(", ");
    if (vote.dots?.length) return vote.dots.map((d) => `${labelOf.get(d.optionId) ?? ""}: ${d.dots}`).join(", ");
    return (vote.optionIds ?? []).map((id) => labelOf.get(id) ?? "").join(", ");
  };
  return (
    <section className="decision__votes" aria-labelledby="votes-title">
      <h2 id="votes-title">{t("decisions.votes.title")}</h2>
      <ul className="votes-list">
        {votes.map((vote) => (
          <li key={vote.id} data-testid="vote-row">
            <p>
              <strong>{vote.organization?.name ?? vote.voter?.displayName}</strong>
              {vote.organization && vote.voter ? (
                <span className="decision__muted">
                  {" "}
                  {t("decisions.votes.castBy", { voter: vote.voter.displayName })}
                </span>
              ) : null}
              {": "}
              <span>{what(vote)}</span> <RelativeTime value={vote.updatedAt} />
            </p>
            {vote.reason ? <p className="votes-list__reason">{vote.reason}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
