import { useTranslation } from "react-i18next";
import { Field } from "../../ui/Field";
import { MODERATION_TEXT_MAX } from "./reasons";

interface NoteAndMessageFieldsProps {
  reason: string;
  onReason: (value: string) => void;
  message: string;
  onMessage: (value: string) => void;
  /** Whether the author must be told something (every decision but a dismissal, every appeal's). */
  messageRequired: boolean;
  problems: { reason?: string | undefined; message?: string | undefined };
}

/**
 * What every moderator's decision carries: the internal note (moderators only) and the message
 * to the author — on a case and on its appeal alike, so the two forms say the same thing.
 */
export function NoteAndMessageFields({
  reason,
  onReason,
  message,
  onMessage,
  messageRequired,
  problems,
}: NoteAndMessageFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Field
        multiline
        rows={3}
        label={t("moderation.decide.reason")}
        hint={t("moderation.decide.reasonHint")}
        value={reason}
        maxLength={MODERATION_TEXT_MAX}
        required
        error={problems.reason}
        onChange={(event) => onReason(event.target.value)}
      />
      <Field
        multiline
        rows={3}
        label={messageRequired ? t("moderation.decide.message") : t("moderation.decide.messageOptional")}
        hint={t("moderation.decide.messageHint")}
        value={message}
        maxLength={MODERATION_TEXT_MAX}
        required={messageRequired}
        error={problems.message}
        onChange={(event) => onMessage(event.target.value)}
      />
    </>
  );
}
