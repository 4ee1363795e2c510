import { useMutation } from "@apollo/client/react";
import { APPLICATION_MESSAGE_MAX } from "@pratica/rules";
import { type FormEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiProblems } from "../../app/errors";
import { useProblemMessage } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import type { ApplicationDecision } from "../../gql/graphql";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { useFocusFirstInvalid } from "../../ui/useFocusFirstInvalid";
import type { Application } from "../membership/application.fragment";

const decideApplicationMutation = graphql(`
  mutation DecideApplication($input: DecideApplicationInput!) {
    decideApplication(input: $input) {
      ...ApplicationFields
    }
  }
`);

const DECISIONS: readonly ApplicationDecision[] = ["ACCEPT", "REQUEST_INFO", "DECLINE"];

/** Today in the admin's own calendar (not UTC), as the date field writes it. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

interface DecisionFormProps {
  application: Pick<Application, "id" | "version" | "status">;
  refetch: () => Promise<unknown>;
}

/**
 * Accept (with the memorandum's signing date, today unless said otherwise), ask for more (a
 * question), or decline (a reason). A decision on a version someone changed meanwhile is refused
 * by the api; the page then shows the application as it is now and says so.
 */
export function DecisionForm({ application, refetch }: DecisionFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [decision, setDecision] = useState<ApplicationDecision>("ACCEPT");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<{ tone: "error" | "info"; text: string } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [decide, deciding] = useMutation(decideApplicationMutation);
  const problemMessage = useProblemMessage();
  useFocusFirstInvalid(formRef, attempt);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const message = String(form.get("message") ?? "").trim();
    const signedOn = String(form.get("signedOn") ?? "").trim();
    const invalid: Record<string, string> = {};
    if (decision !== "ACCEPT" && !message) invalid.message = t(`admin.applications.messageNeeded.${decision}`);
    if (decision === "ACCEPT" && !signedOn) invalid.signedOn = t("admin.applications.signedOnNeeded");
    if (decision === "ACCEPT" && signedOn > today()) invalid.signedOn = t("admin.applications.signedOnFuture");
    setFields(invalid);
    if (Object.keys(invalid).length > 0) {
      setGeneral({ tone: "error", text: t("joining.invalidForm") });
      setAttempt((n) => n + 1);
      return;
    }
    setGeneral(null);
    try {
      await decide({
        variables: {
          input: {
            applicationId: application.id,
            decision,
            message: message || null,
            signedOn: decision === "ACCEPT" ? signedOn : null,
            expectedVersion: application.version,
          },
        },
      });
      formRef.current?.reset();
      setGeneral({ tone: "info", text: t(`admin.applications.done.${decision}`) });
    } catch (error) {
      const problems = apiProblems(error);
      if (problems.some((p) => p.code === "CONFLICT")) {
        // Someone decided, or the applicant changed it, meanwhile: show it as it is now.
        await refetch();
        setGeneral({ tone: "error", text: t("admin.applications.stale") });
        return;
      }
      const byField = Object.fromEntries(
        problems
          .filter((p) => p.code === "BAD_USER_INPUT" && p.field)
          .map((p) => [p.field?.split(".").pop(), p.message]),
      );
      setFields(byField);
      setGeneral({
        tone: "error",
        text: Object.keys(byField).length > 0 ? t("joining.invalidForm") : problemMessage(error),
      });
      setAttempt((n) => n + 1);
    }
  }

  return (
    <form
      ref={formRef}
      noValidate
      className="admin__form decision-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => void onSubmit(e)}
    >
      <h3 id={`${id}-title`}>{t("admin.applications.decide")}</h3>
      {general ? <Alert tone={general.tone}>{general.text}</Alert> : null}
      <fieldset className="decision-form__choices">
        <legend>{t("admin.applications.decision")}</legend>
        {DECISIONS.map((d) => (
          <label key={d}>
            <input type="radio" name="decision" value={d} checked={decision === d} onChange={() => setDecision(d)} />
            <span>{t(`admin.applications.decisions.${d}`)}</span>
          </label>
        ))}
      </fieldset>
      {decision === "ACCEPT" ? (
        <Field
          type="date"
          label={t("admin.applications.signedOn")}
          hint={t("admin.applications.signedOnHint")}
          name="signedOn"
          defaultValue={today()}
          max={today()}
          required
          error={fields.signedOn}
        />
      ) : null}
      <Field
        key={decision}
        multiline
        rows={4}
        label={t(`admin.applications.messageLabel.${decision}`)}
        name="message"
        maxLength={APPLICATION_MESSAGE_MAX}
        required={decision !== "ACCEPT"}
        error={fields.message}
      />
      <p className="actions">
        <Button type="submit" variant={decision === "DECLINE" ? "danger" : "primary"} busy={deciding.loading}>
          {t(`admin.applications.submit.${decision}`)}
        </Button>
      </p>
    </form>
  );
}
