import { useTranslation } from "react-i18next";
import type { ConsentPosition, SenseCheckPosition, VoteFieldsFragment } from "../../gql/graphql";
import { FieldError } from "../../ui/Field";
import { RankingList } from "./RankingList";
import { type Decision, optionLabel } from "./types";

export interface Choice {
  consent?: ConsentPosition;
  senseCheck?: SenseCheckPosition;
  optionIds: string[];
  ranking: string[];
  scores: Record<string, number>;
  dots: Record<string, number>;
}

const CONSENT: ConsentPosition[] = ["AGREE", "ABSTAIN", "DISAGREE", "BLOCK"];
const SENSE_CHECK: SenseCheckPosition[] = ["AGREE", "UNSURE", "DISAGREE"];
const SCORES = [0, 1, 2, 3, 4, 5];

export function emptyChoice(decision: Decision): Choice {
  return { optionIds: [], ranking: decision.options.map((o) => o.id), scores: {}, dots: {} };
}

/** The ballot as the viewer last cast it, to change it. */
export function toChoice(vote: VoteFieldsFragment): Choice {
  return {
    consent: vote.consent ?? undefined,
    senseCheck: vote.senseCheck ?? undefined,
    optionIds: vote.optionIds ?? [],
    ranking: vote.ranking ?? [],
    scores: Object.fromEntries((vote.scores ?? []).map((s) => [s.optionId, s.score])),
    dots: Object.fromEntries((vote.dots ?? []).map((d) => [d.optionId, d.dots])),
  };
}

interface BallotChoicesProps {
  decision: Decision;
  choice: Choice;
  onChange: (choice: Choice) => void;
  error?: string | undefined;
}

/** The controls of one ballot, by kind: radio groups, checkboxes, 0–5 per option, a ranking, dots. */
export function BallotChoices({ decision, choice, onChange, error }: BallotChoicesProps) {
  const { t, i18n } = useTranslation();
  const errorId = "ballot-choices-error";
  const fieldset = (legend: string, children: React.ReactNode, hint?: string) => (
    <fieldset
      id="ballot-choices"
      tabIndex={-1}
      className={`ballot${error ? " field--invalid" : ""}`}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>{legend}</legend>
      {hint ? <p className="field__hint">{hint}</p> : null}
      {children}
      {error ? <FieldError id={errorId}>{error}</FieldError> : null}
    </fieldset>
  );
  const radio = (name: string, value: string, checked: boolean, label: string, onPick: () => void, hint?: string) => (
    <label key={value} className="ballot__option">
      <input type="radio" name={name} value={value} checked={checked} onChange={onPick} />
      <span>
        {label}
        {hint ? <span className="ballot__hint"> — {hint}</span> : null}
      </span>
    </label>
  );

  switch (decision.kind) {
    case "CONSENT":
      return fieldset(
        t("decisions.ballot.consentLegend"),
        CONSENT.map((position) =>
          radio(
            "consent",
            position,
            choice.consent === position,
            t(`decisions.consent.${position}`),
            () => onChange({ ...choice, consent: position }),
            t(`decisions.consentHint.${position}`),
          ),
        ),
      );
    case "SENSE_CHECK":
      return fieldset(
        t("decisions.ballot.senseLegend"),
        SENSE_CHECK.map((position) =>
          radio("sense", position, choice.senseCheck === position, t(`decisions.sense.${position}`), () =>
            onChange({ ...choice, senseCheck: position }),
          ),
        ),
      );
    case "SINGLE_CHOICE":
      return fieldset(
        t("decisions.ballot.singleLegend"),
        decision.options.map((option) =>
          radio("single", option.id, choice.optionIds[0] === option.id, optionLabel(option, i18n.language), () =>
            onChange({ ...choice, optionIds: [option.id] }),
          ),
        ),
      );
    case "MULTIPLE_CHOICE":
    case "TIME_POLL":
      return fieldset(
        t(decision.kind === "TIME_POLL" ? "decisions.ballot.timeLegend" : "decisions.ballot.multipleLegend"),
        decision.options.map((option) => {
          const checked = choice.optionIds.includes(option.id);
          return (
            <label key={option.id} className="ballot__option">
              <input
                type="checkbox"
                checked={checked}
                onChange={() =>
                  onChange({
                    ...choice,
                    optionIds: checked
                      ? choice.optionIds.filter((id) => id !== option.id)
                      : [...choice.optionIds, option.id],
                  })
                }
              />
              <span>{optionLabel(option, i18n.language)}</span>
            </label>
          );
        }),
        decision.kind === "MULTIPLE_CHOICE" && decision.maxChoices
          ? t("decisions.ballot.upTo", { count: decision.maxChoices })
          : undefined,
      );
    case "SCORE":
      return fieldset(
        t("decisions.ballot.scoreLegend"),
        decision.options.map((option) => (
          <fieldset key={option.id} className="ballot__score">
            <legend>{optionLabel(option, i18n.language)}</legend>
            {SCORES.map((score) => (
              <label key={score} className="ballot__score-value">
                <input
                  type="radio"
                  name={`score-${option.id}`}
                  value={score}
                  checked={choice.scores[option.id] === score}
                  onChange={() => onChange({ ...choice, scores: { ...choice.scores, [option.id]: score } })}
                />
                <span>{score}</span>
              </label>
            ))}
          </fieldset>
        )),
        t("decisions.ballot.scoreHint"),
      );
    case "DOT_VOTE": {
      const max = decision.dotsPerVoter ?? 0;
      const used = Object.values(choice.dots).reduce((sum, dots) => sum + dots, 0);
      return fieldset(
        t("decisions.ballot.dotsLegend"),
        <>
          <p className="ballot__remaining" aria-live="polite">
            {t("decisions.ballot.dotsLeft", { count: max - used })}
          </p>
          {decision.options.map((option) => (
            <label key={option.id} className="ballot__dots">
              <span>{optionLabel(option, i18n.language)}</span>
              <input
                type="number"
                inputMode="numeric"
                min={0}
                max={max}
                value={choice.dots[option.id] ?? 0}
                onChange={(event) => {
                  const dots = Math.max(0, Math.floor(Number(event.target.value) || 0));
                  onChange({ ...choice, dots: { ...choice.dots, [option.id]: dots } });
                }}
              />
            </label>
          ))}
        </>,
        t("decisions.ballot.dotsHint", { count: max }),
      );
    }
    case "RANKED_CHOICE":
      return fieldset(
        t("decisions.ballot.rankLegend"),
        <RankingList
          options={decision.options}
          ranking={choice.ranking}
          onChange={(ranking) => onChange({ ...choice, ranking })}
        />,
        t("decisions.ballot.rankHint"),
      );
    default:
      return null;
  }
}
