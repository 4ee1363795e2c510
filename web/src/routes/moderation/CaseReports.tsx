import { useTranslation } from "react-i18next";
import { RelativeTime } from "../../ui/RelativeTime";
import type { CaseDetail } from "./caseDetail.query";

/** The reports merged into the case, oldest first, with who made them and their note (moderators). */
export function CaseReports({ reports }: { reports: CaseDetail["reports"] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="case-reports" className="case-section">
      <h2 id="case-reports">
        {t("moderation.case.reports")} <span className="count-pill">{reports.length}</span>
      </h2>
      <ol className="case-reports">
        {reports.map((report) => (
          <li key={report.id} className="case-report">
            <p className="case-report__head">
              <strong>{t(`moderation.reason.${report.reason}`)}</strong>
              {" · "}
              {report.reporter ? report.reporter.displayName : t("moderation.case.aMember")}
              {" · "}
              <RelativeTime value={report.createdAt} />
            </p>
            {report.note ? <p className="case-report__note">{report.note}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
