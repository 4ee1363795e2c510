import {
  BUYER_REQUEST_DESCRIPTION_MAX,
  BUYER_REQUEST_TITLE_MAX,
  OUTCOME_NOTE_MAX,
  REQUEST_CPV_MAX,
  SUPPLIER_ANSWER_MAX,
} from "@pratica/rules";
import type { TFunction } from "i18next";
import type { BudgetBand, CertificationKind } from "../../gql/graphql";
import { fromZonedInput } from "../events/eventTime";
import type { AreaValue } from "./AreaFields";
import type { CpvChoice } from "./CpvPicker";
import { REQUEST_TIME_ZONE } from "./shared";

export interface RequestDraft {
  organizationId: string;
  title: string;
  description: string;
  cpv: CpvChoice[];
  area: AreaValue;
  budgetBand: BudgetBand | "";
  /** The datetime-local value, wall clock of Europe/Rome. */
  deadline: string;
  preferred: CertificationKind[];
}

/**
 * The api's rules (@pratica/rules), checked before sending so the reader is told in their
 * language and at the field; the api checks them again. Keys are the api's field names.
 */
export function requestProblems(t: TFunction, draft: RequestDraft, now = Date.now()): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!draft.organizationId) problems.organizationId = t("buySocial.form.organizationRequired");
  const title = draft.title.trim();
  if (!title) problems.title = t("buySocial.form.titleRequired");
  else if (title.length > BUYER_REQUEST_TITLE_MAX)
    problems.title = t("buySocial.form.tooLong", { max: BUYER_REQUEST_TITLE_MAX });
  if (draft.description.length > BUYER_REQUEST_DESCRIPTION_MAX)
    problems.description = t("buySocial.form.tooLong", { max: BUYER_REQUEST_DESCRIPTION_MAX });
  if (draft.cpv.length === 0) problems.cpvCodes = t("buySocial.form.cpvRequired");
  else if (draft.cpv.length > REQUEST_CPV_MAX) problems.cpvCodes = t("buySocial.cpv.full", { max: REQUEST_CPV_MAX });
  if (!draft.area.wholeMetroArea && draft.area.codes.length === 0) problems.area = t("buySocial.form.areaRequired");
  if (!draft.budgetBand) problems.budgetBand = t("buySocial.form.bandRequired");
  const deadline = fromZonedInput(draft.deadline, REQUEST_TIME_ZONE);
  if (!deadline) problems.deadlineAt = t("buySocial.form.deadlineRequired");
  else if (new Date(deadline).getTime() <= now) problems.deadlineAt = t("buySocial.form.deadlinePast");
  return problems;
}

export function answerProblems(t: TFunction, body: string, amount: string): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!body.trim()) problems.body = t("buySocial.answer.bodyRequired");
  else if (body.length > SUPPLIER_ANSWER_MAX) problems.body = t("buySocial.form.tooLong", { max: SUPPLIER_ANSWER_MAX });
  if (amount.trim() && parseAmount(amount) === null) problems.amount = t("buySocial.answer.amountInvalid");
  return problems;
}

export function noteProblem(t: TFunction, note: string, required: boolean): string | null {
  if (required && !note.trim()) return t("buySocial.decide.noteRequired");
  if (note.length > OUTCOME_NOTE_MAX) return t("buySocial.form.tooLong", { max: OUTCOME_NOTE_MAX });
  return null;
}

/** Whole euro, written with or without thousands separators ("12500", "12.500", "12,500"). */
export function parseAmount(text: string): number | null {
  const digits = text.trim().replace(/[.,\s€]/g, "");
  if (!/^\d{1,12}$/.test(digits)) return null;
  return Number(digits);
}
