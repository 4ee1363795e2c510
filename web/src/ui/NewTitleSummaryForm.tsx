import { type ReactNode, useState } from "react";
import { useFormProblems } from "../app/useProblemMessage";
import { DisclosedForm, type DisclosedFormProps } from "./DisclosedForm";
import {
  type TitleSummary,
  TitleSummaryFields,
  type TitleSummaryRules,
  titleSummaryProblems,
} from "./TitleSummaryFields";
import { useFormRefusals } from "./useFormRefusals";

interface NewTitleSummaryFormProps extends Pick<DisclosedFormProps, "label" | "submitLabel" | "className" | "busy"> {
  rules: TitleSummaryRules;
  summaryHint: string;
  /** What is wrong with the fields given as children, by field name. */
  check?: () => Record<string, string>;
  /** Creates it from the trimmed values (and goes there); what it throws is shown as the api's refusal. */
  onCreate: (values: TitleSummary) => Promise<void>;
  /** Fields after the summary, given what is wrong with each. */
  children?: (errors: Record<string, string>) => ReactNode;
}

/** "New …" behind a button: a title and a summary (and whatever else it starts with). */
export function NewTitleSummaryForm(props: NewTitleSummaryFormProps) {
  const { rules, summaryHint, check, onCreate, children, ...form } = props;
  const formProblems = useFormProblems();
  const [values, setValues] = useState<TitleSummary>({ title: "", summary: "" });
  const refusals = useFormRefusals();
  const { problems, refuse, clearProblems } = refusals;

  async function onSubmit() {
    if (form.busy) return;
    const fields: Record<string, string> = { ...titleSummaryProblems(values, rules), ...check?.() };
    if (Object.keys(fields).length > 0) return refuse({ fields, general: null });
    clearProblems();
    try {
      await onCreate({ title: values.title.trim(), summary: values.summary.trim() });
    } catch (error) {
      refuse(formProblems(error));
    }
  }

  return (
    <DisclosedForm {...form} refusals={refusals} onSubmit={onSubmit}>
      <TitleSummaryFields
        values={values}
        update={(patch) => setValues((now) => ({ ...now, ...patch }))}
        errors={problems.fields}
        rules={rules}
        summaryHint={summaryHint}
      />
      {children?.(problems.fields)}
    </DisclosedForm>
  );
}
