import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useViewer } from "../../../app/session";
import { Button } from "../../../ui/Button";
import { ReportDialog, type ReportTarget } from "./ReportDialog";

interface ReportButtonProps {
  target: ReportTarget;
  /** The content's author (or the profile's owner): nobody reports their own. */
  authorId: string | null | undefined;
  /** Said after "Report" to screen readers, when many such buttons share a page (e.g. the author's name). */
  what?: string;
}

/**
 * "Report" on any content a signed-in member reads, opening the report dialog. One line to add
 * to a content component; the dialog and its mutation stay here.
 */
export function ReportButton({ target, authorId, what }: ReportButtonProps) {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  const [open, setOpen] = useState(false);
  if (!viewer || viewer.id === authorId) return null;
  return (
    <>
      <Button variant="ghost" size="sm" className="report-button" onClick={() => setOpen(true)}>
        {t("report.action")}
        {what ? <span className="visually-hidden"> ({what})</span> : null}
      </Button>
      <ReportDialog open={open} target={target} onClose={() => setOpen(false)} />
    </>
  );
}
