import { type FormEvent, type ReactNode, type RefObject, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "./Alert";
import { Button } from "./Button";

interface DisclosedFormProps {
  /** The button that opens the form, and the form's heading. */
  label: string;
  submitLabel: string;
  className: string;
  busy: boolean;
  /** `formRef` and `problems.general` from `useFormRefusals`. */
  formRef: RefObject<HTMLFormElement | null>;
  general: ReactNode;
  /** Focused when the form opens. */
  firstFieldRef: RefObject<HTMLElement | null>;
  onSubmit: () => Promise<void>;
  /** Called when the reader closes the form (its fields keep what was typed). */
  onCancel: () => void;
  children: ReactNode;
}

/**
 * A "new …" form behind a button: opening it puts the reader on its first field, closing it puts
 * them back on the button.
 */
export function DisclosedForm(props: DisclosedFormProps) {
  const { label, submitLabel, className, busy, formRef, general, firstFieldRef, onSubmit, onCancel, children } = props;
  const { t } = useTranslation();
  const formId = useId();
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<"first" | "toggle" | null>(null);

  useEffect(() => {
    if (focusNext.current === "first") firstFieldRef.current?.focus();
    if (focusNext.current === "toggle") toggleRef.current?.focus();
    focusNext.current = null;
  });

  if (!open) {
    return (
      <Button
        ref={toggleRef}
        aria-expanded={false}
        aria-controls={formId}
        onClick={() => {
          focusNext.current = "first";
          setOpen(true);
        }}
      >
        {label}
      </Button>
    );
  }
  return (
    <form
      id={formId}
      ref={formRef}
      className={className}
      aria-labelledby={`${formId}-title`}
      noValidate
      onSubmit={(event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        void onSubmit();
      }}
    >
      <h3 id={`${formId}-title`}>{label}</h3>
      {general ? <Alert>{general}</Alert> : null}
      {children}
      <p className="actions">
        <Button type="submit" busy={busy}>
          {submitLabel}
        </Button>
        <Button
          variant="ghost"
          onClick={() => {
            onCancel();
            focusNext.current = "toggle";
            setOpen(false);
          }}
        >
          {t("common.cancel")}
        </Button>
      </p>
    </form>
  );
}
