import { resourceDecision, resourceKind, resourceLanguage } from "@pratica/db";
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
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}-]{0,29}$/u, "Tags are single words or hyphenated words of at most 30 characters.");

/** Only web links: no javascript:, data: or file: URLs can reach a reader's browser. */
const url = z
  .string()
  .trim()
  .max(2000, "The link may be at most 2000 characters.")
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
      .min(3, "The title needs at least 3 characters.")
      .max(200, "The title may be at most 200 characters."),
    "The title needs visible characters, not only spaces.",
  ),
  summary: z
    .string()
    .trim()
    .min(10, "Write a summary of at least 10 characters.")
    .max(600, "The summary may be at most 600 characters."),
  body: z.string().trim().max(50_000, "The text may be at most 50,000 characters.").default(""),
  url: url.nullish().or(z.literal("").transform(() => null)),
  kind: z.enum(RESOURCE_KINDS, { message: "Choose one of the kinds of resource." }),
  language: z.enum(RESOURCE_LANGUAGES, { message: "The language must be it or en." }),
  tags: z
    .array(tag)
    .max(8, "At most 8 tags.")
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
  reason: z.string().trim().max(2000, "The reason may be at most 2000 characters.").nullish(),
});

export const libraryFilterRules = z.object({
  kind: fields.kind.nullish(),
  language: fields.language.nullish(),
  tag: tag.nullish(),
});
