import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../ui/format";
import { RelativeTime } from "../../ui/RelativeTime";
import type { CaseDetail } from "./caseDetail.query";

/**
 * What was decided and why, as the author reads it: the action, the message to them, until when
 * and where. Moderators also see who decided (the api gives `decidedBy` only to them).
 */
export function CaseDecision({ moderated, isAuthor }: { moderated: CaseDetail; isAuthor: boolean }) {
  const { t, i18n } = useTranslation();
  if (!moderated.action || !moderated.decidedAt) {
    if (isAuthor && moderated.hidden && moderated.hiddenBy === "SYSTEM") {
      return (
        <section aria-labelledby="case-decision" className="case-section">
          <h2 id="case-decision">{t("moderation.case.decision")}</h2>
          <p>{t("moderation.case.awaitingReview")}</p>
        </section>
      );
    }
    return null;
  }
  return (
    <section aria-labelledby="case-decision" className="case-section" data-testid="case-decision">
      <h2 id="case-decision">{t("moderation.case.decision")}</h2>
      {moderated.state === "OVERTURNED" || moderated.state === "UPHELD" ? (
        <p className="case-decision__action">
          {moderated.state === "UPHELD"
            ? t("moderation.outcome.UPHOLD")
            : moderated.appeal
              ? t("moderation.outcome.OVERTURN")
              : t("moderation.case.undone")}
        </p>
      ) : null}
      <p className={moderated.state === "OVERTURNED" ? "case-page__meta" : "case-decision__action"}>
        {moderated.state === "OVERTURNED" ? `${t("moderation.case.wasDecided")} ` : null}
        {t(`moderation.outcome.${moderated.action}`)}
        {moderated.until
          ? ` ${t("moderation.case.until", { date: formatDateTime(moderated.until, i18n.language) })}`
          : null}
        {moderated.scope ? ` (${t(`moderation.scope.${moderated.scope}`)})` : null}
      </p>
      {moderated.message ? (
        <div className="case-decision__message">
          <p className="case-decision__label">
            {isAuthor ? t("moderation.case.messageToYou") : t("moderation.case.messageToAuthor")}
          </p>
          <p>{moderated.message}</p>
        </div>
      ) : null}
      <p className="case-page__meta">
        {moderated.decidedBy ? `${t("moderation.case.decidedBy", { name: moderated.decidedBy.displayName })} · ` : null}
        <RelativeTime value={moderated.decidedAt} />
      </p>
    </section>
  );
}
