import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../ui/format";
import { RelativeTime } from "../../ui/RelativeTime";
import type { Decision } from "./types";

/** When it opens or closes, relative ("closes in 2 days") and absolute in the viewer's own time zone; and how many took part. */
export function DecisionTiming({ decision }: { decision: Decision }) {
  const { t, i18n } = useTranslation();
  const at = (value: unknown) => (
    <>
      <RelativeTime value={value} /> ({formatDateTime(value, i18n.language)})
    </>
  );
  const { participation } = decision;
  return (
    <div className="decision__timing">
      {decision.state === "DRAFT" ? (
        <p>
          {decision.opensAt ? (
            <>
              {t("decisions.timing.opens")} {at(decision.opensAt)}
            </>
          ) : (
            t("decisions.timing.draft")
          )}
        </p>
      ) : null}
      {decision.state === "OPEN" ? (
        <p>
          {t("decisions.timing.closes")} {at(decision.closesAt)}
        </p>
      ) : null}
      {decision.closedAt && decision.state !== "OPEN" ? (
        <p>
          {t("decisions.timing.closed")} {at(decision.closedAt)}
        </p>
      ) : null}
      {decision.extendedAt ? <p>{t("decisions.timing.extended")}</p> : null}
      {decision.quorumMet === false ? <p>{t("decisions.timing.quorumFailed")}</p> : null}
      {decision.state !== "DRAFT" ? (
        <p className="decision__participation">
          {t(
            decision.electorate === "ORGANIZATIONS"
              ? "decisions.participation.organizations"
              : "decisions.participation.members",
            {
              voted: participation.voted,
              eligible: participation.eligible,
              percent: Math.round(participation.percent),
            },
          )}
          {decision.quorumPercent ? ` ${t("decisions.participation.quorum", { percent: decision.quorumPercent })}` : ""}
        </p>
      ) : null}
    </div>
  );
}
