import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDateTime } from "./format";

interface SanctionBannerProps {
  /** `platform`: the account's own restriction; `community`: a sanction in the community shown. */
  scope: "platform" | "community";
  suspendedUntil?: string | null | undefined;
  restrictedUntil?: string | null | undefined;
}

/**
 * Tells a sanctioned member what they can still do and until when, and where their cases are:
 * why the write buttons are missing, in words rather than by their absence.
 */
export function SanctionBanner({ scope, suspendedUntil, restrictedUntil }: SanctionBannerProps) {
  const { t, i18n } = useTranslation();
  const until = suspendedUntil ?? restrictedUntil;
  if (!until) return null;
  const date = formatDateTime(until, i18n.language);
  const text =
    scope === "platform"
      ? t(suspendedUntil ? "sanctionBanner.platformSuspended" : "sanctionBanner.platform", { until: date })
      : t(suspendedUntil ? "sanctionBanner.SUSPENDED" : "sanctionBanner.RESTRICTED", { until: date });
  return (
    <section className="confirm-banner" aria-label={t("sanctionBanner.label")}>
      <div className="container confirm-banner__inner">
        <p className="confirm-banner__text">
          {text} <Link to="/moderation/mine">{t("sanctionBanner.cases")}</Link>
        </p>
      </div>
    </section>
  );
}
