import type { TFunction } from "i18next";
import type { TitleSummaryRules } from "../../ui/TitleSummaryFields";

// The api's limits (learning-path.rules.ts), checked here to explain them in the reader's language.
const TITLE_MIN = 3;
const TITLE_MAX = 200;
/** A summary, and a step's note. */
export const TEXT_MAX = 2000;

/** A learning path's title and summary: to start one, and in its editor. */
export function pathRules(t: TFunction): TitleSummaryRules {
  return {
    titleMin: TITLE_MIN,
    titleMax: TITLE_MAX,
    summaryMax: TEXT_MAX,
    titleLabel: t("paths.titleLabel"),
    summaryLabel: t("paths.summaryLabel"),
    titleRule: t("paths.titleRule"),
    summaryRule: t("paths.summaryRule"),
  };
}
