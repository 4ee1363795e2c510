import type { TFunction } from "i18next";
import type { Choice } from "./BallotChoices";
import type { Decision } from "./types";

/** What is missing from a ballot before it is sent (the api checks the same and more), in the reader's words. */
export function choiceProblem(decision: Decision, choice: Choice, t: TFunction): string | null {
  switch (decision.kind) {
    case "CONSENT":
      return choice.consent ? null : t("decisions.ballot.pickOne");
    case "SENSE_CHECK":
      return choice.senseCheck ? null : t("decisions.ballot.pickOne");
    case "SINGLE_CHOICE":
      return choice.optionIds.length === 1 ? null : t("decisions.ballot.pickOne");
    case "MULTIPLE_CHOICE": {
      if (choice.optionIds.length === 0) return t("decisions.ballot.pickSome");
      const max = decision.maxChoices;
      return max && choice.optionIds.length > max ? t("decisions.ballot.tooMany", { count: max }) : null;
    }
    case "TIME_POLL":
      return choice.optionIds.length > 0 ? null : t("decisions.ballot.pickTimes");
    case "RANKED_CHOICE":
      return choice.ranking.length > 0 ? null : t("decisions.ballot.rankSome");
    case "SCORE":
      return Object.keys(choice.scores).length === decision.options.length ? null : t("decisions.ballot.scoreAll");
    case "DOT_VOTE": {
      const used = Object.values(choice.dots).reduce((sum, dots) => sum + dots, 0);
      const max = decision.dotsPerVoter ?? 0;
      if (used === 0) return t("decisions.ballot.placeDots");
      return used > max ? t("decisions.ballot.tooManyDots", { count: max }) : null;
    }
    default:
      return null;
  }
}
