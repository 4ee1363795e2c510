import { PATH_TEXT_MAX, TITLE_MAX, TITLE_MIN } from "@pratica/rules";
import type { TFunction } from "i18next";
import type { TitleSummaryRules } from "../../ui/TitleSummaryFields";

// The api's limits (@pratica/rules), checked here to explain them in the reader's language.

/** A learning path's title and summary: to start one, and in its editor. */
export function pathRules(t: TFunction): TitleSummaryRules {
  return {
    titleMin: TITLE_MIN,
    titleMax: TITLE_MAX,
    summaryMax: PATH_TEXT_MAX,
    titleLabel: t("paths.titleLabel"),
    summaryLabel: t("paths.summaryLabel"),
    titleRule: t("paths.titleRule"),
    summaryRule: t("paths.summaryRule"),
  };
}
