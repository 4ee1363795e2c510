import type { DecisionFieldsFragment } from "../../gql/graphql";

export type Decision = DecisionFieldsFragment;
export type DecisionOption = Decision["options"][number];

/** An option's name as a voter reads it: a time poll's option is its time, in the viewer's zone. */
export function optionLabel(option: DecisionOption, language: string): string {
  if (!option.startsAt) return option.label;
  const format = new Intl.DateTimeFormat(language, { dateStyle: "full", timeStyle: "short" });
  const start = format.format(new Date(option.startsAt));
  return option.label ? `${option.label} — ${start}` : start;
}
