import { useTranslation } from "react-i18next";
import { Button } from "./Button";

interface DraftFormActionsProps {
  submitLabel: string;
  busy: boolean;
  /** Whether closing the form keeps a draft (the button says so) or throws nothing away. */
  hasDraft: boolean;
  onCancel: () => void;
}

/** The buttons of a form that keeps its draft: send it, or close it for now. */
export function DraftFormActions({ submitLabel, busy, hasDraft, onCancel }: DraftFormActionsProps) {
  const { t } = useTranslation();
  return (
    <p className="actions">
      <Button type="submit" busy={busy}>
        {submitLabel}
      </Button>
      <Button variant="ghost" onClick={onCancel}>
        {hasDraft ? t("newThread.keepDraft") : t("common.cancel")}
      </Button>
    </p>
  );
}
