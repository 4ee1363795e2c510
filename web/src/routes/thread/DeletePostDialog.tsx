import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldProblem } from "../../app/errors";
import { ActionProblem } from "../../ui/ActionProblem";
import { Dialog } from "../../ui/Dialog";
import { Field } from "../../ui/Field";
import { FormActions } from "../../ui/FormActions";

/** The api's limit (thread.rules.ts DELETE_REASON_MAX). */
const REASON_MAX = 1000;

interface DeletePostDialogProps {
  open: boolean;
  busy: boolean;
  error: unknown;
  onDelete: (reason: string) => void;
  onClose: () => void;
}

/**
 * A facilitator deleting someone else's post says why: the author reads it with the
 * notification and in place of the post. A modal dialog (focus inside, Escape closes, focus back
 * on the Delete button); the reason is checked here as the api checks it.
 */
export function DeletePostDialog({ open, busy, error, onDelete, onClose }: DeletePostDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [invalid, setInvalid] = useState(false);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = reason.trim();
    if (!trimmed || trimmed.length > REASON_MAX) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    onDelete(trimmed);
  }

  const refused = fieldProblem(error, "reason");
  return (
    <Dialog open={open} title={t("hidden.deleteTitle")} onClose={onClose}>
      <form noValidate onSubmit={onSubmit}>
        <p>{t("hidden.deleteIntro")}</p>
        <Field
          multiline
          rows={4}
          label={t("hidden.deleteReason")}
          value={reason}
          maxLength={REASON_MAX}
          error={invalid || refused ? t("hidden.deleteReasonRule") : undefined}
          onChange={(event) => setReason(event.target.value)}
        />
        {error && !refused ? <ActionProblem error={error} /> : null}
        <FormActions submitLabel={t("hidden.deleteConfirm")} variant="danger" busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
