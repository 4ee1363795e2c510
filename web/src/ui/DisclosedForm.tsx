import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { Alert } from "./Alert";
import { Button } from "./Button";
import { FormActions } from "./FormActions";
import type { FormRefusals } from "./useFormRefusals";

export interface DisclosedFormProps {
  /** The button that opens the form, and the form's heading unless `title` names it otherwise. */
  label: string;
  title?: string;
  /** Said under the heading, before anything else. */
  intro?: ReactNode;
  submitLabel: string;
  className: string;
  busy: boolean;
  /** The form's refusals: shown in it, and cleared when the reader closes it (its fields keep what was typed). */
  refusals: FormRefusals;
  /** Sends the form; `close` puts it away once what was sent is done with. */
  onSubmit: (close: () => void) => Promise<void>;
  /** Called when the reader opens the form. */
  onOpen?: () => void;
  /** An unsent draft: the form starts open, and closing it says the draft is kept. */
  hasDraft?: boolean;
  children: ReactNode;
}

/**
 * A "new …" form behind a button: opening it puts the reader on its first field, closing it puts
 * them back on the button. A form with an unsent draft starts open.
 */
export function DisclosedForm(props: DisclosedFormProps) {
  const {
    label,
    title,
    intro,
    submitLabel,
    className,
    busy,
    refusals,
    onSubmit,
    onOpen,
    hasDraft = false,
    children,
  } = props;
  const { formRef, problems, clearProblems } = refusals;
  const formId = useId();
  const [open, setOpen] = useState(hasDraft);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<"first" | "toggle" | null>(null);

  useEffect(() => {
    if (focusNext.current === "first") formRef.current?.querySelector<HTMLElement>("input, textarea, select")?.focus();
    if (focusNext.current === "toggle") toggleRef.current?.focus();
    focusNext.current = null;
  });

  function close() {
    focusNext.current = "toggle";
    setOpen(false);
  }

  if (!open) {
    return (
      <Button
        ref={toggleRef}
        aria-expanded={false}
        aria-controls={formId}
        onClick={() => {
          focusNext.current = "first";
          onOpen?.();
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
        void onSubmit(close);
      }}
    >
      <h3 id={`${formId}-title`}>{title ?? label}</h3>
      {intro}
      {problems.general ? <Alert>{problems.general}</Alert> : null}
      {children}
      <FormActions
        submitLabel={submitLabel}
        busy={busy}
        hasDraft={hasDraft}
        onCancel={() => {
          clearProblems();
          close();
        }}
      />
    </form>
  );
}
