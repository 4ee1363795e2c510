import type { Ref } from "react";
import { Field } from "./Field";

export interface TitleSummary {
  title: string;
  summary: string;
}

/**
 * The api's limits on a title and a summary, and what the feature calls them and says when they
 * are broken (a document and a learning path share the fields, not the words).
 */
export interface TitleSummaryRules {
  titleMin: number;
  titleMax: number;
  summaryMax: number;
  titleLabel: string;
  summaryLabel: string;
  titleRule: string;
  summaryRule: string;
}

export type TitleSummaryProblems = Partial<Record<keyof TitleSummary, string>>;

/** What breaks the rules, checked as it will be sent: trimmed. */
export function titleSummaryProblems(values: TitleSummary, rules: TitleSummaryRules): TitleSummaryProblems {
  const found: TitleSummaryProblems = {};
  const title = values.title.trim();
  if (title.length < rules.titleMin || title.length > rules.titleMax) found.title = rules.titleRule;
  if (values.summary.trim().length > rules.summaryMax) found.summary = rules.summaryRule;
  return found;
}

interface TitleSummaryFieldsProps {
  values: TitleSummary;
  update: (patch: Partial<TitleSummary>) => void;
  errors: TitleSummaryProblems;
  rules: TitleSummaryRules;
  summaryHint?: string;
  titleRef?: Ref<HTMLInputElement>;
  summaryRef?: Ref<HTMLTextAreaElement>;
}

/** A required title and an optional summary: to start something, and to rename it later. */
export function TitleSummaryFields({
  values,
  update,
  errors,
  rules,
  summaryHint,
  titleRef,
  summaryRef,
}: TitleSummaryFieldsProps) {
  return (
    <>
      <Field
        ref={titleRef}
        label={rules.titleLabel}
        name="title"
        value={values.title}
        onChange={(event) => update({ title: event.target.value })}
        maxLength={rules.titleMax}
        required
        error={errors.title}
      />
      <Field
        ref={summaryRef}
        multiline
        rows={3}
        label={rules.summaryLabel}
        hint={summaryHint}
        name="summary"
        value={values.summary}
        onChange={(event) => update({ summary: event.target.value })}
        maxLength={rules.summaryMax}
        error={errors.summary}
      />
    </>
  );
}
