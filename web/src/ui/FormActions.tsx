import { useTranslation } from "react-i18next";
import { Button, type ButtonVariant } from "./Button";

interface FormActionsProps {
  submitLabel: string;
  busy: boolean;
  onCancel: () => void;
  /** Whether closing the form keeps a draft (the button says so) or throws nothing away. */
  hasDraft?: boolean;
  /** The send button's look: "danger" where sending it refuses something. */
  variant?: ButtonVariant;
  /** "sm" for a form inside a card (a reply, a reason), beside the card's own small buttons. */
  size?: "md" | "sm";
}

/** A form's buttons: send it, or close it (for now, where it keeps a draft). */
export function FormActions({ submitLabel, busy, onCancel, hasDraft = false, variant, size }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <p className="actions">
      <Button type="submit" variant={variant} size={size} busy={busy}>
        {submitLabel}
      </Button>
      <Button variant="ghost" size={size} onClick={onCancel}>
        {hasDraft ? t("newThread.keepDraft") : t("common.cancel")}
      </Button>
    </p>
  );
}
