import { useQuery } from "@apollo/client/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useViewer } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import { Alert } from "../../ui/Alert";
import { ButtonLink } from "../../ui/Button";
import { MessagePage, PageError, PageLoading, PrivatePage } from "../../ui/PageStates";
import { AppealSection } from "./AppealSection";
import { AuthorRecordPanel } from "./AuthorRecordPanel";
import { CaseDecision } from "./CaseDecision";
import { CaseHistory } from "./CaseHistory";
import { CaseMessages } from "./CaseMessages";
import { CaseReports } from "./CaseReports";
import { CaseStateBadge } from "./CaseStateBadge";
import { CaseTarget } from "./CaseTarget";
import { moderationCaseQuery } from "./caseDetail.query";
import { DecisionForm } from "./DecisionForm";
import type { Outcome } from "./outcome";
import "./moderation.css";

/**
 * One case. Moderators see everything (the content even when hidden, the reports and who made
 * them, the author's record, the full history) and decide; the author sees what was decided and
 * why, may appeal and write to the moderators; a reporter sees its state. The api leaves out what
 * each may not read, so this page shows what it is given.
 */
export function CasePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { viewer, loading: viewerLoading } = useViewer();
  const { data, loading, error, refetch } = useQuery(moderationCaseQuery, {
    variables: { id },
    fetchPolicy: "cache-and-network",
    skip: !viewer,
  });
  const moderated = data?.moderationCase;
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);
  usePageTitle(moderated ? t("moderation.case.title", { kind: t(`moderation.kind.${moderated.targetKind}`) }) : null);

  if (viewerLoading || (loading && !data)) return <PageLoading />;
  if (!viewer) {
    return (
      <PrivatePage
        title={t("moderation.case.private")}
        body={t("moderation.case.privateBody")}
        memberBody={t("moderation.case.privateBody")}
      />
    );
  }
  if (error && !data) return <PageError error={error} retry={refetch} />;
  if (!moderated) {
    return (
      <MessagePage
        title={t("moderation.case.notFound")}
        body={t("moderation.case.notFoundBody")}
        actions={
          <ButtonLink to="/" variant="secondary">
            {t("common.backHome")}
          </ButtonLink>
        }
      />
    );
  }

  const isAuthor = moderated.author?.id === viewer.id;
  const isModerator = moderated.reports.length > 0 || moderated.viewerCanDecide || moderated.viewerCanDecideAppeal;

  return (
    <div className="container page moderation case-page">
      <nav aria-label={t("moderation.case.breadcrumb")} className="moderation__back">
        {isModerator ? (
          <Link to="/moderation">{t("moderation.queue.title")}</Link>
        ) : isAuthor ? (
          <Link to="/moderation/mine">{t("moderation.mine.title")}</Link>
        ) : (
          <Link to="/moderation/reports">{t("moderation.reports.title")}</Link>
        )}
      </nav>
      <header className="case-page__header">
        <h1>{t("moderation.case.title", { kind: t(`moderation.kind.${moderated.targetKind}`) })}</h1>
        <p className="case-page__meta">
          <CaseStateBadge state={moderated.state} />{" "}
          {moderated.community ? moderated.community.name : t("moderation.platform")}
          {" · "}
          {t(`moderation.reason.${moderated.reason}`)}
        </p>
      </header>
      {isAuthor || isModerator ? null : (
        <p className="case-page__reporter">
          {t("moderation.case.youReported", { outcome: t(`moderation.reports.outcome.${moderated.state}`) })}
        </p>
      )}
      <div ref={outcomeRef} tabIndex={-1} className="case-page__outcome">
        {outcome ? (
          <Alert tone={outcome.tone} title={outcome.title}>
            {outcome.text}
          </Alert>
        ) : null}
      </div>
      <div className="case-page__layout">
        <div className="case-page__main">
          <CaseTarget moderated={moderated} />
          <CaseDecision moderated={moderated} isAuthor={isAuthor} />
          <AppealSection moderated={moderated} isAuthor={isAuthor} onOutcome={setOutcome} />
          {moderated.viewerCanDecide ? (
            <DecisionForm moderated={moderated} isAdmin={viewer.role === "ADMIN"} onOutcome={setOutcome} />
          ) : null}
          {moderated.viewerCanMessage || moderated.messages.length > 0 ? (
            <CaseMessages moderated={moderated} viewerId={viewer.id} />
          ) : null}
        </div>
        {moderated.reports.length > 0 || moderated.authorRecord || moderated.history.length > 0 ? (
          <div className="case-page__aside">
            {moderated.reports.length > 0 ? <CaseReports reports={moderated.reports} /> : null}
            {moderated.authorRecord ? <AuthorRecordPanel record={moderated.authorRecord} /> : null}
            {moderated.history.length > 0 ? <CaseHistory history={moderated.history} /> : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
