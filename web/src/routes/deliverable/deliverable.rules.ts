import { DOCUMENT_SUMMARY_MAX, TITLE_MAX, TITLE_MIN } from "@pratica/rules";
import type { TFunction } from "i18next";
import type { TitleSummaryRules } from "../../ui/TitleSummaryFields";

// The api's limits (@pratica/rules), checked here to explain them in the reader's language.

/** A document's title and summary: to start one, and on its editors' page. */
export function documentRules(t: TFunction): TitleSummaryRules {
  return {
    titleMin: TITLE_MIN,
    titleMax: TITLE_MAX,
    summaryMax: DOCUMENT_SUMMARY_MAX,
    titleLabel: t("documents.titleLabel"),
    summaryLabel: t("documents.summaryLabel"),
    titleRule: t("documents.titleRule"),
    summaryRule: t("documents.summaryRule"),
  };
}
