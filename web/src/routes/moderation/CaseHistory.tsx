import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../ui/format";
import { RelativeTime } from "../../ui/RelativeTime";
import type { CaseDetail } from "./caseDetail.query";

/**
 * Every step of the case, in order. Moderators read who and the internal note; the author only
 * the steps and the messages to them (the api leaves the rest out).
 */
export function CaseHistory({ history }: { history: CaseDetail["history"] }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="case-history" className="case-section">
      <h2 id="case-history">{t("moderation.case.history")}</h2>
      <ol className="case-history">
        {history.map((step) => (
          <li key={step.id}>
            <p className="case-history__head">
              <strong>{t(`moderation.step.${step.step}`)}</strong>
              {step.from && step.from !== step.to
                ? ` · ${t(`moderation.state.${step.from}`)} → ${t(`moderation.state.${step.to}`)}`
                : null}
              {" · "}
              {step.actor
                ? step.actor.displayName
                : step.step === "REPORT" || step.step === "AUTO_HIDE" || step.step === "LIFT"
                  ? t("moderation.case.system")
                  : null}
              {step.actor || step.step === "REPORT" || step.step === "AUTO_HIDE" || step.step === "LIFT" ? " · " : null}
              <RelativeTime value={step.at} />
            </p>
            {step.until ? (
              <p>{t("moderation.case.until", { date: formatDateTime(step.until, i18n.language) })}</p>
            ) : null}
            {step.note ? (
              <p>
                <span className="case-history__label">{t("moderation.case.note")}</span> {step.note}
              </p>
            ) : null}
            {step.message ? (
              <p>
                <span className="case-history__label">{t("moderation.case.message")}</span> {step.message}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
