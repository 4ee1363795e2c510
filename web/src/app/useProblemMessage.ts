import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatWait } from "../ui/format";
import { type ApiProblem, apiProblems, type ErrorCode } from "./errors";

/** Known codes have a translated sentence; anything else falls back to a generic one. */
const TRANSLATED: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "CONFLICT",
  "RATE_LIMITED",
  "QUERY_TOO_COMPLEX",
  "NETWORK",
]);

/** Turns an Apollo error into one sentence the reader can act on, in their language. */
export function useProblemMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: unknown) => {
      const problem = apiProblems(error)[0];
      if (!problem) return t("errors.UNKNOWN");
      // An unconfirmed account's write: say what to do, not only that it is refused.
      if (problem.reason === "EMAIL_NOT_VERIFIED") return t("errors.EMAIL_NOT_VERIFIED");
      // A sanction: until when, and what is still possible (the login page shows the suspension).
      if (problem.reason === "SUSPENDED" || problem.reason === "RESTRICTED") {
        return t(`errors.${problem.reason}`, { until: formatDateTime(problem.until, i18n.language) });
      }
      // A new member's limit: which one, and when to try again (docs/moderation.md, "New-member limits").
      if (problem.code === "RATE_LIMITED" && problem.retryAfterSeconds !== undefined) {
        const wait = formatWait(problem.retryAfterSeconds, i18n.language);
        if (problem.reason === "NEW_MEMBER_THREADS")
          return t("errors.NEW_MEMBER_THREADS", { count: problem.max, wait });
        if (problem.reason === "NEW_MEMBER_REPLIES")
          return t("errors.NEW_MEMBER_REPLIES", { count: problem.max, wait });
        return t("errors.RATE_LIMITED_WAIT", { wait });
      }
      if (TRANSLATED.has(problem.code)) return t(`errors.${problem.code}` as "errors.UNKNOWN");
      return t("errors.UNKNOWN");
    },
    [t, i18n.language],
  );
}

/** A new member's post over the links or mentions limit, in the reader's language; null for anything else. */
export function useNewMemberContentMessage(): (problem: ApiProblem) => string | null {
  const { t } = useTranslation();
  return useCallback(
    (problem: ApiProblem) => {
      const count = problem.max ?? 0;
      if (problem.reason === "NEW_MEMBER_LINKS") return t("errors.NEW_MEMBER_LINKS", { count });
      if (problem.reason === "NEW_MEMBER_MENTIONS") return t("errors.NEW_MEMBER_MENTIONS", { count });
      return null;
    },
    [t],
  );
}

export interface FormProblems {
  /** Messages keyed by input field name, shown next to the field. */
  fields: Record<string, string>;
  /** A message for the form as a whole, shown in an alert. */
  general: string | null;
}

const FIELD_MESSAGES = ["email", "password", "displayName", "bio"] as const;

export interface FormProblemOptions {
  /** A sentence per error code for the general alert, e.g. UNAUTHENTICATED on the login form. */
  codes?: Partial<Record<ErrorCode, string>>;
  /** A sentence per field, when the form knows better what a server refusal of it means. */
  fields?: Record<string, string>;
}

/**
 * Splits a mutation error into per-field messages (BAD_USER_INPUT with `extensions.field`) and
 * one general message. Known fields get our own sentence, so the reader's language is kept.
 */
export function useFormProblems(): (error: unknown, options?: FormProblemOptions) => FormProblems {
  const { t } = useTranslation();
  const message = useProblemMessage();
  const newMemberContent = useNewMemberContentMessage();
  return useCallback(
    (error, { codes = {}, fields = {} } = {}) => {
      const result: FormProblems = { fields: {}, general: null };
      for (const problem of apiProblems(error)) {
        const field = problem.field;
        if (field && (problem.code === "BAD_USER_INPUT" || problem.code === "CONFLICT")) {
          const known = (FIELD_MESSAGES as readonly string[]).includes(field);
          result.fields[field] =
            fields[field] ??
            newMemberContent(problem) ??
            (known ? t(`validation.${field as (typeof FIELD_MESSAGES)[number]}`) : problem.message);
        } else if (!result.general) {
          result.general = codes[problem.code] ?? message(error);
        }
      }
      return result;
    },
    [t, message, newMemberContent],
  );
}

/** The api names list items `tags.2`: that is about the tags field. */
export function byFieldName(problems: FormProblems): FormProblems {
  const fields = Object.entries(problems.fields).map(([name, message]) => [name.split(".")[0] ?? name, message]);
  return { fields: Object.fromEntries(fields), general: problems.general };
}
