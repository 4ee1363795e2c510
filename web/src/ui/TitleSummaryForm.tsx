import { type FormEvent, useRef, useState } from "react";
import { fieldProblem } from "../app/errors";
import { SaveActions } from "./SaveActions";
import {
  type TitleSummary,
  TitleSummaryFields,
  type TitleSummaryProblems,
  type TitleSummaryRules,
  titleSummaryProblems,
} from "./TitleSummaryFields";

interface TitleSummaryFormProps {
  /** The title and summary as last saved, by anyone. */
  current: TitleSummary;
  /** The heading's id, which names the form. */
  headingId: string;
  heading: string;
  submitLabel: string;
  rules: TitleSummaryRules;
  summaryHint?: string;
  busy: boolean;
  /** Saves through `useVersionedChanges().run`; handing it `onRefused` shows a refused field beside it. */
  onSave: (values: TitleSummary, onRefused: (error: unknown) => boolean) => Promise<boolean>;
}

/**
 * An editor's title-and-summary card (a document's, a learning path's). What someone else saved
 * meanwhile shows up unless the reader is changing it, so saving does not quietly undo it.
 */
export function TitleSummaryForm(props: TitleSummaryFormProps) {
  const { current, headingId, heading, submitLabel, rules, summaryHint, busy, onSave } = props;
  const [base, setBase] = useState(current);
  const [values, setValues] = useState(current);
  const [errors, setErrors] = useState<TitleSummaryProblems>({});
  const [saved, setSaved] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  const summaryRef = useRef<HTMLTextAreaElement>(null);

  if (base.title !== current.title || base.summary !== current.summary) {
    setBase(current);
    setValues({
      title: values.title === base.title ? current.title : values.title,
      summary: values.summary === base.summary ? current.summary : values.summary,
    });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const clean = { title: values.title.trim(), summary: values.summary.trim() };
    const found = titleSummaryProblems(clean, rules);
    setErrors(found);
    if (found.title) return titleRef.current?.focus();
    if (found.summary) return summaryRef.current?.focus();
    const ok = await onSave(clean, (error) => {
      const field = fieldProblem(error, "title") ? "title" : fieldProblem(error, "summary") ? "summary" : null;
      if (!field) return false;
      setErrors({ [field]: fieldProblem(error, field) ?? "" });
      return true;
    });
    setSaved(ok);
  }

  return (
    <form className="editor-page__section card" aria-labelledby={headingId} noValidate onSubmit={onSubmit}>
      <h2 id={headingId}>{heading}</h2>
      <TitleSummaryFields
        values={values}
        update={(patch) => setValues((now) => ({ ...now, ...patch }))}
        errors={errors}
        rules={rules}
        summaryHint={summaryHint}
        titleRef={titleRef}
        summaryRef={summaryRef}
      />
      <SaveActions label={submitLabel} busy={busy} saved={saved} />
    </form>
  );
}
