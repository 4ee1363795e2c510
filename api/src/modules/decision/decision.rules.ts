import { decisionElectorate, decisionKind, deliverableStatus, quorumMiss, resultsVisibility } from "@pratica/db";
import {
  DECISION_CONTEXT_MAX,
  DECISION_OPTION_LABEL_MAX,
  DECISION_OPTIONS_MAX,
  DECISION_OPTIONS_MIN,
  DECISION_TITLE_MAX,
  DOTS_PER_VOTER_MAX,
  OUTCOME_MAX,
  SCORE_MAX,
  SCORE_MIN,
  VOTE_REASON_MAX,
} from "@pratica/rules";
import { z } from "zod";
import { visibleText } from "../../core/validate.js";
import { WITH_OPTIONS } from "./decision.workflow.js";

const id = z.string();
const title = visibleText(
  z
    .string()
    .trim()
    .min(1, "A decision needs a title.")
    .max(DECISION_TITLE_MAX, `The title may be at most ${DECISION_TITLE_MAX} characters.`),
  "The title needs visible characters, not only spaces.",
);
const context = z
  .string()
  .max(DECISION_CONTEXT_MAX, `The context may be at most ${DECISION_CONTEXT_MAX.toLocaleString("en")} characters.`);
const option = z.object({
  label: visibleText(
    z
      .string()
      .trim()
      .min(1, "Each option needs a label.")
      .max(DECISION_OPTION_LABEL_MAX, `An option may be at most ${DECISION_OPTION_LABEL_MAX} characters.`),
  ),
  startsAt: z.date().optional(),
  endsAt: z.date().optional(),
});
const version = z.number().int().min(1, "Send the version you started from.");

/** The settings a draft may change; create and update share them (and their cross-field rules). */
const settings = {
  title,
  context,
  options: z.array(option).max(DECISION_OPTIONS_MAX, `At most ${DECISION_OPTIONS_MAX} options.`),
  opensAt: z.date().nullable(),
  closesAt: z.date(),
  quorumPercent: z
    .number()
    .int()
    .min(1, "A quorum is 1 to 100 percent.")
    .max(100, "A quorum is 1 to 100 percent.")
    .nullable(),
  quorumMiss: z.enum(quorumMiss.enumValues),
  resultsVisibility: z.enum(resultsVisibility.enumValues),
  anonymous: z.boolean(),
  reasonRequired: z.boolean(),
  maxChoices: z.number().int().nullable(),
  dotsPerVoter: z.number().int().nullable(),
  moveDeliverableTo: z.enum(deliverableStatus.enumValues).nullable(),
};

export type DecisionSettings = {
  kind: z.infer<typeof createShape>["kind"];
  options: z.infer<typeof option>[];
  opensAt: Date | null;
  closesAt: Date;
  maxChoices: number | null;
  dotsPerVoter: number | null;
  moveDeliverableTo: string | null;
  deliverableId: string | null;
};

const createShape = z.object({
  communityId: id.optional(),
  threadId: id.optional(),
  deliverableId: id.optional(),
  eventId: id.optional(),
  kind: z.enum(decisionKind.enumValues),
  electorate: z.enum(decisionElectorate.enumValues).default("MEMBERS"),
  open: z.boolean().default(false),
  ...settings,
  context: context.default(""),
  options: settings.options.default([]),
  opensAt: settings.opensAt.default(null),
  quorumPercent: settings.quorumPercent.default(null),
  quorumMiss: settings.quorumMiss.default("FAIL"),
  resultsVisibility: settings.resultsVisibility.default("ALWAYS"),
  anonymous: settings.anonymous.default(false),
  reasonRequired: settings.reasonRequired.default(false),
  maxChoices: settings.maxChoices.default(null),
  dotsPerVoter: settings.dotsPerVoter.default(null),
  moveDeliverableTo: settings.moveDeliverableTo.default(null),
});

/**
 * The rules across fields, for a decision as it will be (created, or a draft after an update):
 * kind ↔ options, times, maxChoices, dots, the document move. `now` is the service's clock.
 */
export function checkSettings(d: DecisionSettings, now: Date, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  const polled = WITH_OPTIONS.has(d.kind);
  if (polled && d.options.length < DECISION_OPTIONS_MIN)
    issue("options", `Give at least ${DECISION_OPTIONS_MIN} options.`);
  if (!polled && d.options.length > 0) issue("options", "A consent or a sense check has no options.");
  if (d.kind === "TIME_POLL") {
    d.options.forEach((o, i) => {
      if (!o.startsAt || !o.endsAt) issue(`options.${i}.startsAt`, "Each proposed time needs a start and an end.");
      else if (o.startsAt >= o.endsAt) issue(`options.${i}.endsAt`, "A proposed time ends after it starts.");
    });
  }
  if (d.closesAt <= now) issue("closesAt", "The closing time must be in the future.");
  if (d.opensAt && d.opensAt >= d.closesAt) issue("opensAt", "A decision opens before it closes.");
  if (d.maxChoices !== null) {
    if (d.kind !== "MULTIPLE_CHOICE") issue("maxChoices", "Only a multiple choice poll limits the choices.");
    else if (d.maxChoices < 1 || d.maxChoices > d.options.length)
      issue("maxChoices", "Allow from 1 choice to as many as there are options.");
  }
  if (d.dotsPerVoter !== null) {
    if (d.kind !== "DOT_VOTE") issue("dotsPerVoter", "Only a dot vote hands out dots.");
    else if (d.dotsPerVoter < 1 || d.dotsPerVoter > DOTS_PER_VOTER_MAX)
      issue("dotsPerVoter", `Hand out 1 to ${DOTS_PER_VOTER_MAX} dots.`);
  } else if (d.kind === "DOT_VOTE") issue("dotsPerVoter", "Say how many dots each voter spreads.");
  if (d.moveDeliverableTo !== null && (d.kind !== "CONSENT" || d.deliverableId === null)) {
    issue("moveDeliverableTo", "Only a consent decision on a document can move the document.");
  }
}

/** The cross-field rules alone, for a draft as an update would leave it. */
export const settingsRules = (d: DecisionSettings, now: Date) =>
  z.any().superRefine((_, ctx) => checkSettings(d, now, ctx));

export const createDecisionRules = (now: Date) =>
  createShape.superRefine((d, ctx) => {
    const parents = [d.communityId, d.threadId, d.deliverableId].filter((p) => p !== undefined).length;
    if (parents !== 1) {
      ctx.addIssue({
        code: "custom",
        path: ["communityId"],
        message: "Give exactly one of community, thread or document.",
      });
    }
    checkSettings({ ...d, deliverableId: d.deliverableId ?? null }, now, ctx);
  });

export const updateDecisionRules = z.object({
  decisionId: id,
  expectedVersion: version,
  ...Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, v.optional()])),
}) as unknown as z.ZodType<
  { decisionId: string; expectedVersion: number } & Partial<{
    [K in keyof typeof settings]: z.infer<(typeof settings)[K]>;
  }>
>;

export const stepRules = z.object({ decisionId: id, expectedVersion: version });

export const publishOutcomeRules = z.object({
  decisionId: id,
  expectedVersion: version,
  text: visibleText(
    z
      .string()
      .trim()
      .min(1, "Write the outcome.")
      .max(OUTCOME_MAX, `The outcome may be at most ${OUTCOME_MAX} characters.`),
  ),
});

const score = z
  .number()
  .int()
  .min(SCORE_MIN, `Scores go from ${SCORE_MIN} to ${SCORE_MAX}.`)
  .max(SCORE_MAX, `Scores go from ${SCORE_MIN} to ${SCORE_MAX}.`);

export const castVoteRules = z.object({
  decisionId: id,
  organizationId: id.optional(),
  consent: z.enum(["AGREE", "ABSTAIN", "DISAGREE", "BLOCK"]).optional(),
  senseCheck: z.enum(["AGREE", "UNSURE", "DISAGREE"]).optional(),
  optionIds: z.array(id).max(DECISION_OPTIONS_MAX).optional(),
  ranking: z.array(id).max(DECISION_OPTIONS_MAX).optional(),
  scores: z
    .array(z.object({ optionId: id, score }))
    .max(DECISION_OPTIONS_MAX)
    .optional(),
  dots: z
    .array(z.object({ optionId: id, dots: z.number().int().min(0, "Dots are 0 or more.").max(DOTS_PER_VOTER_MAX) }))
    .max(DECISION_OPTIONS_MAX)
    .optional(),
  reason: z.string().trim().max(VOTE_REASON_MAX, `A reason may be at most ${VOTE_REASON_MAX} characters.`).optional(),
});
export type CastVote = z.infer<typeof castVoteRules>;
