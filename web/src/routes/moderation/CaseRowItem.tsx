import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Badge } from "../../ui/Badge";
import { RelativeTime } from "../../ui/RelativeTime";
import { CaseStateBadge } from "./CaseStateBadge";
import type { CaseRow } from "./case.fragment";

/** One case in the queue: what, why (the reasons counted), how heavy against the threshold, how old. */
export function CaseRowItem({ row, showCommunity }: { row: CaseRow; showCommunity: boolean }) {
  const { t } = useTranslation();
  const headingId = `case-${row.id}-title`;
  return (
    <li className="case-row" aria-labelledby={headingId} data-case-id={row.id}>
      <div className="case-row__head">
        <h3 className="case-row__title" id={headingId}>
          <Link to={`/moderation/cases/${row.id}`}>
            {t(`moderation.kind.${row.targetKind}`)}
            {showCommunity ? ` · ${row.community?.name ?? t("moderation.platform")}` : ""}
          </Link>
        </h3>
        <CaseStateBadge state={row.state} />
        {row.hidden ? (
          <Badge tone="warning">
            {row.hiddenBy === "SYSTEM" ? t("moderation.hiddenBySystem") : t("moderation.hiddenByModerators")}
          </Badge>
        ) : null}
      </div>
      {row.targetExcerpt ? <p className="case-row__excerpt">{row.targetExcerpt}</p> : null}
      <p className="case-row__meta">
        <span>
          {row.reasons
            .map((r) => t("moderation.reasonCount", { reason: t(`moderation.reason.${r.reason}`), count: r.count }))
            .join(", ")}
        </span>
        {" · "}
        <span>
          {row.threshold === null || row.threshold === undefined
            ? t("moderation.weightNoThreshold", { weight: formatWeight(row.weight) })
            : t("moderation.weight", { weight: formatWeight(row.weight), threshold: formatWeight(row.threshold) })}
        </span>
        {" · "}
        <span>
          {t("moderation.opened")} <RelativeTime value={row.createdAt} />
        </span>
      </p>
    </li>
  );
}

export function formatWeight(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
