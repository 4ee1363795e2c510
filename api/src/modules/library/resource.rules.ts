import { resourceDecision, resourceKind, resourceLanguage } from "@pratica/db";
import {
  DECISION_REASON_MAX,
  RESOURCE_BODY_MAX,
  RESOURCE_SUMMARY_MAX,
  RESOURCE_SUMMARY_MIN,
  RESOURCE_TAGS_MAX,
  TAG,
  TAG_MAX,
  TITLE_MAX,
  TITLE_MIN,
  URL_MAX,
} from "@pratica/rules";
import { z } from "zod";
import { visibleText } from "../../core/validate.js";

export const RESOURCE_KINDS = resourceKind.enumValues;
export const RESOURCE_LANGUAGES = resourceLanguage.enumValues;

type Recorded = (typeof resourceDecision.enumValues)[number];
/** What a facilitator may decide: every recorded kind of decision but the proposer's resubmission. */
export const CURATION_DECISIONS = resourceDecision.enumValues.filter(
  (d): d is Exclude<Recorded, "RESUBMIT"> => d !== "RESUBMIT",
) as [Exclude<Recorded, "RESUBMIT">, ...Exclude<Recorded, "RESUBMIT">[]];

const tag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(TAG, `Tags are single words or hyphenated words of at most ${TAG_MAX} characters.`);

/** Only web links: no javascript:, data: or file: URLs can reach a reader's browser. */
const url = z
  .string()
  .trim()
  .max(URL_MAX, `The link may be at most ${URL_MAX} characters.`)
  .refine((value) => {
    try {
      const parsed = new URL(value);
      return (parsed.protocol === "http:" || parsed.protocol === "https:") && parsed.hostname.length > 0;
    } catch {
      return false;
    }
  }, "The link must be a web address starting with http:// or https://.");

const fields = {
  title: visibleText(
    z
      .string()
      .trim()
      .min(TITLE_MIN, `The title needs at least ${TITLE_MIN} characters.`)
      .max(TITLE_MAX, `The title may be at most ${TITLE_MAX} characters.`),
    "The title needs visible characters, not only spaces.",
  ),
  summary: z
    .string()
    .trim()
    .min(RESOURCE_SUMMARY_MIN, `Write a summary of at least ${RESOURCE_SUMMARY_MIN} characters.`)
    .max(RESOURCE_SUMMARY_MAX, `The summary may be at most ${RESOURCE_SUMMARY_MAX} characters.`),
  body: z
    .string()
    .trim()
    .max(RESOURCE_BODY_MAX, `The text may be at most ${RESOURCE_BODY_MAX.toLocaleString("en")} characters.`)
    .default(""),
  url: url.nullish().or(z.literal("").transform(() => null)),
  kind: z.enum(RESOURCE_KINDS, { message: "Choose one of the kinds of resource." }),
  language: z.enum(RESOURCE_LANGUAGES, { message: "The language must be it or en." }),
  tags: z
    .array(tag)
    .max(RESOURCE_TAGS_MAX, `At most ${RESOURCE_TAGS_MAX} tags.`)
    .default([])
    .transform((tags) => [...new Set(tags)]),
};

export const proposeResourceRules = z.object({ communityId: z.string(), ...fields });

export const editResourceRules = z.object({
  resourceId: z.string(),
  title: fields.title.optional(),
  summary: fields.summary.optional(),
  body: fields.body.optional(),
  url: fields.url,
  kind: fields.kind.optional(),
  language: fields.language.optional(),
  tags: fields.tags.optional(),
});

export const decideResourceRules = z.object({
  resourceId: z.string(),
  decision: z.enum(CURATION_DECISIONS, { message: "Unknown decision." }),
  reason: z
    .string()
    .trim()
    .max(DECISION_REASON_MAX, `The reason may be at most ${DECISION_REASON_MAX} characters.`)
    .nullish(),
});

export const libraryFilterRules = z.object({
  kind: fields.kind.nullish(),
  language: fields.language.nullish(),
  tag: tag.nullish(),
});
