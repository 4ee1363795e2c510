import { useMutation } from "@apollo/client/react";
import { OUTCOME_MAX } from "@pratica/rules";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { formatDateTime } from "../../ui/format";
import { Markdown } from "../../ui/Markdown";
import type { Decision } from "./types";

const publishMutation = graphql(`
  mutation PublishOutcome($input: PublishOutcomeInput!) {
    publishOutcome(input: $input) {
      ...DecisionFields
    }
  }
`);

/** The outcome as last written, its earlier versions, and the form to write it (author and facilitators, once closed). */
export function OutcomePanel({ decision, onDone }: { decision: Decision; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState("");
  const [fieldError, setFieldError] = useState<string>();
  const [publish, { loading, error }] = useMutation(publishMutation, {
    onCompleted: () => {
      setText("");
      onDone();
    },
  });
  if (!decision.outcome && !decision.viewerCanPublishOutcome) return null;
  const earlier = decision.outcomeHistory.slice(0, -1).reverse();
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) {
      setFieldError(t("decisions.outcome.required"));
      return;
    }
    setFieldError(undefined);
    void publish({
      variables: { input: { decisionId: decision.id, text: text.trim(), expectedVersion: decision.version } },
    }).catch(() => undefined);
  }
  return (
    <section className="decision__outcome card" aria-labelledby="decision-outcome">
      <h2 id="decision-outcome">{t("decisions.outcome.title")}</h2>
      {decision.outcome ? (
        <div data-testid="decision-outcome">
          <Markdown source={decision.outcome} headingLevel={3} />
          <p className="decision__muted">
            {t("decisions.outcome.publishedAt", { at: formatDateTime(decision.outcomePublishedAt, i18n.language) })}
          </p>
          {decision.moveDeliverableTo && decision.deliverable ? (
            <p>
              {t("decisions.outcome.moved", {
                status: t(`documents.status.${decision.deliverable.status}`, {
                  defaultValue: decision.deliverable.status,
                }),
              })}
            </p>
          ) : null}
        </div>
      ) : null}
      {earlier.length > 0 ? (
        <details>
          <summary>{t("decisions.outcome.history", { count: earlier.length })}</summary>
          <ol className="decision__history">
            {earlier.map((entry) => (
              <li key={entry.id}>
                <p className="decision__muted">{formatDateTime(entry.createdAt, i18n.language)}</p>
                <Markdown source={entry.text} headingLevel={4} />
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {decision.viewerCanPublishOutcome ? (
        <form onSubmit={submit} noValidate>
          <Field
            multiline
            rows={4}
            label={decision.outcome ? t("decisions.outcome.rewrite") : t("decisions.outcome.write")}
            hint={
              decision.moveDeliverableTo
                ? t("decisions.outcome.moveHint", {
                    status: t(`documents.status.${decision.moveDeliverableTo}`, {
                      defaultValue: decision.moveDeliverableTo,
                    }),
                  })
                : t("decisions.outcome.hint")
            }
            maxLength={OUTCOME_MAX}
            value={text}
            error={fieldError}
            onChange={(event) => setText(event.target.value)}
          />
          <Button type="submit" busy={loading}>
            {t("decisions.outcome.publish")}
          </Button>
          <ActionProblem error={error} />
        </form>
      ) : null}
    </section>
  );
}
