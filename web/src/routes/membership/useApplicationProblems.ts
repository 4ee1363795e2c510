import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { apiProblems } from "../../app/errors";
import { useProblemMessage } from "../../app/useProblemMessage";
import { formFieldOf } from "./applicationInput";

export type ApplicationProblems = { fields: Record<string, string>; general: string | null };

/**
 * The problems of an application form: those found before sending (field names, said in the
 * reader's language) and the api's refusals (BAD_USER_INPUT at its field, a taken name at the
 * name, a stale version said as such).
 */
export function useApplicationProblems(isNew: boolean) {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();

  const beforeSending = useCallback(
    (invalid: string[]): ApplicationProblems => ({
      fields: Object.fromEntries(
        invalid.map((name) => [name, t(`joining.invalid.${name}` as "joining.invalid.nameEn")]),
      ),
      general: t("joining.invalidForm"),
    }),
    [t],
  );

  const refused = useCallback(
    (error: unknown): ApplicationProblems => {
      const fields: Record<string, string> = {};
      let general: string | null = null;
      for (const problem of apiProblems(error)) {
        if (problem.code === "BAD_USER_INPUT" && problem.field) {
          fields[formFieldOf(problem.field)] = problem.message;
        } else if (problem.code === "CONFLICT" && (problem.field || isNew)) {
          // The name is a partner's already, or another open application's.
          fields.nameEn = t("joining.nameTaken");
          general = t("joining.nameTaken");
        } else if (problem.code === "CONFLICT") {
          // Someone (an admin) moved the application meanwhile: the page reloads it.
          general = t("joining.stale");
        } else {
          general ??= problemMessage(error);
        }
      }
      if (!general && Object.keys(fields).length > 0) general = t("joining.invalidForm");
      return { fields, general };
    },
    [t, problemMessage, isNew],
  );

  return { beforeSending, refused };
}
