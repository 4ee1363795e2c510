import { useTranslation } from "react-i18next";
import { Button } from "./Button";

/** "Saved." beside a save button once its save went through; a status, so it is read out. */
export function SavedStatus() {
  const { t } = useTranslation();
  return (
    <span className="editor-page__saved" role="status">
      {t("pathEditor.saved")}
    </span>
  );
}

/** An editor card's save button, and "Saved." after it. */
export function SaveActions({ label, busy, saved }: { label: string; busy: boolean; saved: boolean }) {
  return (
    <p className="actions">
      <Button type="submit" variant="secondary" busy={busy}>
        {label}
      </Button>
      {saved ? <SavedStatus /> : null}
    </p>
  );
}
