import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import "./hidden-notice.css";

export interface ModerationNoticeData {
  hiddenBy: "MODERATORS" | "SYSTEM";
  reason: "SPAM" | "OFFENSIVE" | "OFF_TOPIC" | "PERSONAL_DATA" | "OTHER";
  caseId?: string | null;
}

/**
 * What stands in place of hidden content: who hid it (the facilitators, or the system until a
 * facilitator reviews it) and the reason's category. Those who still get the text (its author,
 * the moderators) see it dimmed under the notice, with the way to the case when the api names it.
 */
export function HiddenNotice({ notice, children }: { notice: ModerationNoticeData; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="hidden-notice">
      <p className="hidden-notice__label">
        {t("hidden.notice", { who: t(`hidden.${notice.hiddenBy}`), reason: t(`hidden.reason.${notice.reason}`) })}
        {notice.caseId ? (
          <>
            {" · "}
            <Link to={`/moderation/cases/${notice.caseId}`}>{t("hidden.why")}</Link>
          </>
        ) : null}
      </p>
      {children ? (
        <div className="hidden-notice__text">
          <p className="visually-hidden">{t("hidden.yours")}</p>
          {children}
        </div>
      ) : null}
    </div>
  );
}
