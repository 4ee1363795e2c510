import type { TFunction } from "i18next";
import type { TitleSummaryRules } from "../../ui/TitleSummaryFields";

// The api's limits (deliverable.rules.ts), checked here to explain them in the reader's language.
const TITLE_MIN = 3;
const TITLE_MAX = 200;
const SUMMARY_MAX = 2000;
export const HEADING_MAX = 200;
export const MAX_SECTIONS = 100;

/** A document's title and summary: to start one, and on its editors' page. */
export function documentRules(t: TFunction): TitleSummaryRules {
  return {
    titleMin: TITLE_MIN,
    titleMax: TITLE_MAX,
    summaryMax: SUMMARY_MAX,
    titleLabel: t("documents.titleLabel"),
    summaryLabel: t("documents.summaryLabel"),
    titleRule: t("documents.titleRule"),
    summaryRule: t("documents.summaryRule"),
  };
}
