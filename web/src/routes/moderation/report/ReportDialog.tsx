import { useMutation } from "@apollo/client/react";
import { type FormEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { fieldProblem, hasCode } from "../../../app/errors";
import { graphql } from "../../../gql";
import type { ReportReason } from "../../../gql/graphql";
import { ActionProblem } from "../../../ui/ActionProblem";
import { Alert } from "../../../ui/Alert";
import { Button } from "../../../ui/Button";
import { Dialog } from "../../../ui/Dialog";
import { Field } from "../../../ui/Field";
import { REPORT_NOTE_MAX, REPORT_REASONS } from "../reasons";
import "../moderation.css";

const reportContentMutation = graphql(`
  mutation ReportContent($input: ReportContentInput!) {
    reportContent(input: $input) {
      id
      reason
      case {
        id
        state
      }
    }
  }
`);

/** What is reported: one of the input's ids. */
export type ReportTarget =
  | { postId: string }
  | { threadId: string }
  | { resourceId: string }
  | { commentId: string }
  | { amendmentId: string }
  | { userId: string };

interface ReportDialogProps {
  open: boolean;
  target: ReportTarget;
  onClose: () => void;
}

/**
 * The report form in a modal dialog (Dialog keeps focus inside, closes on Escape and returns
 * focus to the button that opened it): a reason with a line explaining each, an optional note.
 * After sending, it says what happens next; an earlier open report is explained, not an error.
 */
export function ReportDialog({ open, target, onClose }: ReportDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t("report.title")} onClose={onClose}>
      <ReportForm target={target} onClose={onClose} />
    </Dialog>
  );
}

function ReportForm({ target, onClose }: { target: ReportTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [note, setNote] = useState("");
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [noteError, setNoteError] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<"sent" | "already" | null>(null);
  const [report, state] = useMutation(reportContentMutation);
  const firstRadio = useRef<HTMLInputElement>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (state.loading) return;
    if (!reason) {
      setReasonError(t("report.reasonRequired"));
      firstRadio.current?.focus();
      return;
    }
    const text = note.trim();
    if (text.length > REPORT_NOTE_MAX) {
      setNoteError(t("report.noteRule", { max: REPORT_NOTE_MAX }));
      return;
    }
    try {
      await report({ variables: { input: { ...target, reason, note: text || null } } });
      setOutcome("sent");
    } catch (error) {
      if (hasCode(error, "CONFLICT")) setOutcome("already");
      else {
        const field = fieldProblem(error, "note");
        if (field) setNoteError(field);
        return;
      }
    }
    // The form is gone: the outcome takes the focus so it is read at once.
    requestAnimationFrame(() => outcomeRef.current?.focus());
  }

  if (outcome) {
    return (
      <div className="report-outcome" ref={outcomeRef} tabIndex={-1} role="status">
        {outcome === "sent" ? (
          <>
            <p className="report-outcome__title">{t("report.sentTitle")}</p>
            <p>{t("report.sentBody")}</p>
          </>
        ) : (
          <>
            <p className="report-outcome__title">{t("report.alreadyTitle")}</p>
            <p>{t("report.alreadyBody")}</p>
          </>
        )}
        <p className="actions">
          <Button onClick={onClose}>{t("report.close")}</Button>
          <Link to="/moderation/reports" onClick={onClose}>
            {t("report.myReports")}
          </Link>
        </p>
      </div>
    );
  }

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} className="report-form">
      <p>{t("report.intro")}</p>
      <fieldset
        className="report-form__reasons"
        aria-describedby={reasonError ? `${id}-reason-error` : undefined}
        aria-invalid={reasonError ? true : undefined}
      >
        <legend>{t("report.reasonLabel")}</legend>
        {REPORT_REASONS.map((value, index) => (
          <div key={value} className="choice">
            <input
              ref={index === 0 ? firstRadio : undefined}
              type="radio"
              id={`${id}-${value}`}
              name={`${id}-reason`}
              value={value}
              checked={reason === value}
              aria-describedby={`${id}-${value}-hint`}
              onChange={() => {
                setReason(value);
                setReasonError(undefined);
              }}
            />
            <label htmlFor={`${id}-${value}`}>{t(`moderation.reason.${value}`)}</label>
            <p className="choice__hint" id={`${id}-${value}-hint`}>
              {t(`report.reasonHint.${value}`)}
            </p>
          </div>
        ))}
        {reasonError ? (
          <p className="field__error" id={`${id}-reason-error`}>
            {reasonError}
          </p>
        ) : null}
      </fieldset>
      <Field
        multiline
        rows={3}
        label={t("report.noteLabel")}
        hint={t("report.noteHint")}
        value={note}
        maxLength={REPORT_NOTE_MAX}
        error={noteError}
        onChange={(event) => {
          setNote(event.target.value);
          setNoteError(undefined);
        }}
      />
      {state.error && !noteError ? <ActionProblem error={state.error} /> : null}
      {reasonError ? <Alert>{t("report.fixBelow")}</Alert> : null}
      <p className="actions">
        <Button type="submit" busy={state.loading}>
          {t("report.send")}
        </Button>
        <Button variant="ghost" onClick={onClose}>
          {t("common.cancel")}
        </Button>
      </p>
    </form>
  );
}
