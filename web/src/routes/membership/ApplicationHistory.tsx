import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../ui/format";
import type { Application } from "./application.fragment";

/** Every step of an application, oldest first: who moved it, to what, and what they wrote. */
export function ApplicationHistory({ application }: { application: Pick<Application, "history"> }) {
  const { t, i18n } = useTranslation();
  return (
    <ol className="application-history">
      {application.history.map((step) => (
        <li key={step.id} className="application-history__step">
          <p className="application-history__what">
            <strong>{t(`joining.step.${step.toStatus}`)}</strong>
            {" · "}
            <time dateTime={step.createdAt}>{formatDateTime(step.createdAt, i18n.language)}</time>
            {step.actor ? ` · ${step.actor.displayName}` : null}
          </p>
          {step.message ? <blockquote className="application-history__message">{step.message}</blockquote> : null}
        </li>
      ))}
    </ol>
  );
}
