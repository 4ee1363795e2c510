import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { hasCode } from "../../app/errors";
import { graphql } from "../../gql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { formatDate } from "../../ui/format";
import { ApplicationForm } from "./ApplicationForm";
import { ApplicationHistory } from "./ApplicationHistory";
import { ApplicationSummary } from "./ApplicationSummary";
import type { Application } from "./application.fragment";
import { StatusBadge } from "./StatusBadge";

const updateApplicationMutation = graphql(`
  mutation UpdateApplication($input: UpdateApplicationInput!) {
    updateApplication(input: $input) {
      ...ApplicationFields
    }
  }
`);

const withdrawApplicationMutation = graphql(`
  mutation WithdrawApplication($input: WithdrawApplicationInput!) {
    withdrawApplication(input: $input) {
      ...ApplicationFields
    }
  }
`);

interface ApplicantApplicationProps {
  application: Application;
  /** Reads it again (after a CONFLICT: an admin moved it meanwhile). */
  refetch: () => Promise<unknown>;
  headingLevel?: 1 | 2;
}

/** One of the viewer's applications: where it stands, its steps, and what the applicant may do now. */
export function ApplicantApplication({ application: a, refetch, headingLevel = 2 }: ApplicantApplicationProps) {
  const { t, i18n } = useTranslation();
  const [answering, setAnswering] = useState(false);
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [update, updating] = useMutation(updateApplicationMutation);
  const [withdraw, withdrawing] = useMutation(withdrawApplicationMutation);
  const Heading = headingLevel === 1 ? "h1" : "h2";
  const Subheading = headingLevel === 1 ? "h2" : "h3";
  const headingId = `application-${a.id}-title`;
  // The admin's question is the message of the step that asked for more.
  const question = [...a.history].reverse().find((step) => step.toStatus === "INFO_REQUESTED")?.message;

  async function onWithdraw() {
    try {
      await withdraw({ variables: { input: { applicationId: a.id, expectedVersion: a.version } } });
      setConfirmWithdraw(false);
      setNotice(t("joining.withdrawn"));
    } catch (error) {
      if (hasCode(error, "CONFLICT")) {
        await refetch();
        setNotice(t("joining.stale"));
      }
    }
  }

  return (
    <Card as="article" className="application" aria-labelledby={headingId}>
      <div id={`application-${a.id}`} className="application__head">
        <Heading id={headingId} className="application__title">
          {a.name}
        </Heading>
        <StatusBadge status={a.status} />
      </div>
      <p className="application__meta">
        {t("joining.submittedOn", { date: formatDate(a.createdAt, i18n.language) })}
        {a.signedOn ? ` · ${t("joining.signedOn", { date: formatDate(a.signedOn, i18n.language) })}` : null}
      </p>
      {notice ? <Alert tone="info">{notice}</Alert> : null}
      {a.status === "INFO_REQUESTED" && question ? (
        <div className="application__question">
          <p className="application__label">{t("joining.question")}</p>
          <blockquote>{question}</blockquote>
        </div>
      ) : null}
      {a.status === "ACCEPTED" && a.organization ? (
        <Alert tone="success">
          {t("joining.acceptedBody")} <Link to={`/partners/${a.organization.slug}`}>{a.organization.name}</Link>
        </Alert>
      ) : null}
      {a.status === "DECLINED" && a.decisionMessage ? (
        <div className="application__question">
          <p className="application__label">{t("joining.declinedReason")}</p>
          <blockquote>{a.decisionMessage}</blockquote>
        </div>
      ) : null}

      {answering ? (
        <ApplicationForm
          application={a}
          submitLabel={t("joining.answer.submit")}
          busy={updating.loading}
          withMessage={question ? <blockquote className="application__quoted">{question}</blockquote> : null}
          onCancel={() => setAnswering(false)}
          onSave={async (input, message) => {
            try {
              await update({
                variables: { input: { applicationId: a.id, expectedVersion: a.version, application: input, message } },
              });
            } catch (error) {
              if (hasCode(error, "CONFLICT")) await refetch();
              throw error;
            }
            setAnswering(false);
            setNotice(t("joining.answered"));
          }}
        />
      ) : (
        <p className="actions">
          {a.viewerCanEdit ? (
            <Button onClick={() => setAnswering(true)}>
              {a.status === "INFO_REQUESTED" ? t("joining.answer.open") : t("joining.edit")}
            </Button>
          ) : null}
          {a.viewerCanWithdraw && !confirmWithdraw ? (
            <Button variant="secondary" onClick={() => setConfirmWithdraw(true)}>
              {t("joining.withdraw")}
            </Button>
          ) : null}
        </p>
      )}
      {confirmWithdraw ? (
        <section className="application__confirm" aria-label={t("joining.withdraw")}>
          <p>{t("joining.withdrawConfirm")}</p>
          <ActionProblem
            error={withdrawing.error && !hasCode(withdrawing.error, "CONFLICT") ? withdrawing.error : null}
          />
          <p className="actions">
            <Button variant="danger" busy={withdrawing.loading} onClick={() => void onWithdraw()}>
              {t("joining.withdrawYes")}
            </Button>
            <Button variant="ghost" onClick={() => setConfirmWithdraw(false)}>
              {t("common.cancel")}
            </Button>
          </p>
        </section>
      ) : null}

      <details className="application__details">
        <summary>{t("joining.whatYouSent")}</summary>
        <ApplicationSummary application={a} />
      </details>
      <Subheading className="application__label application__subheading">{t("joining.history")}</Subheading>
      <ApplicationHistory application={a} />
    </Card>
  );
}
