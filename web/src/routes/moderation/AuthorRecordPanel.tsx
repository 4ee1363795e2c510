import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate } from "../../ui/format";
import { CaseStateBadge } from "./CaseStateBadge";
import type { CaseDetail } from "./caseDetail.query";

type Record = NonNullable<CaseDetail["authorRecord"]>;

/** The author's history as moderators weigh it: how long here, how much written, what was decided before. */
export function AuthorRecordPanel({ record }: { record: Record }) {
  const { t, i18n } = useTranslation();
  const facts: [string, string | number][] = [
    [t("moderation.record.memberSince"), formatDate(record.memberSince, i18n.language)],
    [t("moderation.record.posts"), record.postsCount],
    [t("moderation.record.casesActioned"), record.casesActioned],
    [t("moderation.record.warnings"), record.warnings],
    [t("moderation.record.restrictions"), record.restrictions],
    [t("moderation.record.suspensions"), record.suspensions],
  ];
  return (
    <section aria-labelledby="case-record" className="case-section">
      <h2 id="case-record">{t("moderation.record.title")}</h2>
      <dl className="author-record">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {record.recentCases.length > 0 ? (
        <>
          <h3>{t("moderation.record.recent")}</h3>
          <ul className="recent-cases">
            {record.recentCases.map((c) => (
              <li key={c.id}>
                <Link to={`/moderation/cases/${c.id}`}>
                  {t(`moderation.kind.${c.targetKind}`)} · {formatDate(c.createdAt, i18n.language)}
                </Link>{" "}
                <CaseStateBadge state={c.state} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
