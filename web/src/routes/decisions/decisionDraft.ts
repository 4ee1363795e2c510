import { DECISION_CONTEXT_MAX, DECISION_OPTIONS_MIN, DECISION_TITLE_MAX, DOTS_PER_VOTER_MAX } from "@pratica/rules";
import type { TFunction } from "i18next";
import type {
  CreateDecisionInput,
  DecisionElectorate,
  DecisionKind,
  DeliverableStatus,
  QuorumMiss,
  ResultsVisibility,
} from "../../gql/graphql";
import { newOption, type OptionDraft } from "./OptionsEditor";

export interface DecisionDraft {
  title: string;
  context: string;
  kind: DecisionKind;
  electorate: DecisionElectorate;
  options: OptionDraft[];
  opensLater: boolean;
  opensAt: string;
  closesAt: string;
  quorumPercent: string;
  quorumMiss: QuorumMiss;
  resultsVisibility: ResultsVisibility;
  anonymous: boolean;
  reasonRequired: boolean;
  maxChoices: string;
  dotsPerVoter: string;
  moveDeliverableTo: DeliverableStatus | "";
}

export const KINDS: DecisionKind[] = [
  "CONSENT",
  "SENSE_CHECK",
  "SINGLE_CHOICE",
  "MULTIPLE_CHOICE",
  "SCORE",
  "RANKED_CHOICE",
  "DOT_VOTE",
  "TIME_POLL",
];

export function hasOptions(kind: DecisionKind): boolean {
  return kind !== "CONSENT" && kind !== "SENSE_CHECK";
}

/** A datetime-local value (the viewer's zone) a week from now, to start from. */
function inAWeek(): string {
  const at = new Date(Date.now() + 7 * 24 * 3600 * 1000);
  at.setMinutes(0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

export function emptyDraft(): DecisionDraft {
  return {
    title: "",
    context: "",
    kind: "CONSENT",
    electorate: "MEMBERS",
    options: [newOption(), newOption()],
    opensLater: false,
    opensAt: "",
    closesAt: inAWeek(),
    quorumPercent: "",
    quorumMiss: "FAIL",
    resultsVisibility: "ALWAYS",
    anonymous: false,
    reasonRequired: false,
    maxChoices: "",
    dotsPerVoter: "10",
    moveDeliverableTo: "",
  };
}

const iso = (local: string) => new Date(local).toISOString();
const valid = (local: string) => Boolean(local) && !Number.isNaN(new Date(local).getTime());

/** The same limits as the api, told at the field before anything is sent. Keys are the api's field names. */
export function validateDraft(draft: DecisionDraft, t: TFunction): Record<string, string> {
  const fields: Record<string, string> = {};
  const title = draft.title.trim();
  if (!title || title.length > DECISION_TITLE_MAX)
    fields.title = t("decisions.form.titleRule", { max: DECISION_TITLE_MAX });
  if (draft.context.length > DECISION_CONTEXT_MAX) fields.context = t("decisions.form.contextRule");
  if (!valid(draft.closesAt) || new Date(draft.closesAt).getTime() <= Date.now())
    fields.closesAt = t("decisions.form.closesRule");
  if (draft.opensLater) {
    if (!valid(draft.opensAt) || new Date(draft.opensAt).getTime() <= Date.now())
      fields.opensAt = t("decisions.form.opensRule");
    else if (valid(draft.closesAt) && new Date(draft.opensAt) >= new Date(draft.closesAt))
      fields.closesAt = t("decisions.form.closesAfterOpens");
  }
  if (hasOptions(draft.kind)) {
    const filled = draft.options.filter((o) => (draft.kind === "TIME_POLL" ? valid(o.startsAt) : o.label.trim()));
    if (filled.length < DECISION_OPTIONS_MIN || filled.length !== draft.options.length) {
      fields.options = t(draft.kind === "TIME_POLL" ? "decisions.form.timesRule" : "decisions.form.optionsRule", {
        min: DECISION_OPTIONS_MIN,
      });
    }
  }
  if (draft.quorumPercent) {
    const q = Number(draft.quorumPercent);
    if (!Number.isInteger(q) || q < 1 || q > 100) fields.quorumPercent = t("decisions.form.quorumRule");
  }
  if (draft.kind === "MULTIPLE_CHOICE" && draft.maxChoices) {
    const m = Number(draft.maxChoices);
    if (!Number.isInteger(m) || m < 1 || m > draft.options.length)
      fields.maxChoices = t("decisions.form.maxChoicesRule");
  }
  if (draft.kind === "DOT_VOTE") {
    const d = Number(draft.dotsPerVoter);
    if (!Number.isInteger(d) || d < 1 || d > DOTS_PER_VOTER_MAX)
      fields.dotsPerVoter = t("decisions.form.dotsRule", { max: DOTS_PER_VOTER_MAX });
  }
  return fields;
}

/** The api's input for a checked draft (the target, thread or document or community, is added by the page). */
export function toInput(
  draft: DecisionDraft,
  open: boolean,
  language: string,
): Omit<CreateDecisionInput, "communityId"> {
  const options = hasOptions(draft.kind)
    ? draft.options.map((o) =>
        draft.kind === "TIME_POLL"
          ? {
              label:
                o.label.trim() ||
                new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(
                  new Date(o.startsAt),
                ),
              startsAt: iso(o.startsAt),
              endsAt: valid(o.endsAt) ? iso(o.endsAt) : null,
            }
          : { label: o.label.trim() },
      )
    : null;
  return {
    title: draft.title.trim(),
    context: draft.context,
    kind: draft.kind,
    electorate: draft.electorate,
    options,
    opensAt: draft.opensLater ? iso(draft.opensAt) : null,
    closesAt: iso(draft.closesAt),
    open,
    quorumPercent: draft.quorumPercent ? Number(draft.quorumPercent) : null,
    quorumMiss: draft.quorumMiss,
    resultsVisibility: draft.resultsVisibility,
    anonymous: draft.anonymous,
    reasonRequired: draft.reasonRequired,
    maxChoices: draft.kind === "MULTIPLE_CHOICE" && draft.maxChoices ? Number(draft.maxChoices) : null,
    dotsPerVoter: draft.kind === "DOT_VOTE" ? Number(draft.dotsPerVoter) : null,
    moveDeliverableTo: draft.kind === "CONSENT" && draft.moveDeliverableTo ? draft.moveDeliverableTo : null,
  };
}
