import { deliverableStatus } from "@pratica/db";
import {
  COMMENT_MAX,
  DOCUMENT_SUMMARY_MAX,
  HEADING_MAX,
  MAX_COAUTHOR_ORGANIZATIONS,
  MAX_SECTIONS,
  QUOTE_MAX,
  RATIONALE_MAX,
  RATIONALE_MIN,
  SECTION_BODY_MAX,
  STATEMENT_MAX,
  TITLE_MAX,
  TITLE_MIN,
} from "@pratica/rules";
import { z } from "zod";
import { visibleText } from "../../core/validate.js";

const title = visibleText(
  z
    .string()
    .trim()
    .min(TITLE_MIN, `The title needs at least ${TITLE_MIN} characters.`)
    .max(TITLE_MAX, `The title may be at most ${TITLE_MAX} characters.`),
  "The title needs visible characters, not only spaces.",
);
const summary = z
  .string()
  .trim()
  .max(DOCUMENT_SUMMARY_MAX, `The summary may be at most ${DOCUMENT_SUMMARY_MAX} characters.`);
const heading = visibleText(
  z
    .string()
    .trim()
    .min(1, "A section needs a heading.")
    .max(HEADING_MAX, `A heading may be at most ${HEADING_MAX} characters.`),
  "A section needs a heading with visible characters.",
);
const body = z
  .string()
  .max(SECTION_BODY_MAX, `A section may be at most ${SECTION_BODY_MAX.toLocaleString("en")} characters.`);
const version = z.number().int().min(1, "Send the version you started from.");
const id = z.string();

export const createDeliverableRules = z.object({
  communityId: id,
  title,
  summary: summary.default(""),
  sections: z
    .array(z.object({ heading, body: body.default("") }))
    .max(MAX_SECTIONS, `At most ${MAX_SECTIONS} sections.`)
    .default([]),
});

export const updateDeliverableRules = z.object({
  deliverableId: id,
  title: title.optional(),
  summary: summary.optional(),
  expectedVersion: version,
});

export const setStatusRules = z.object({
  deliverableId: id,
  status: z.enum(deliverableStatus.enumValues, { message: "Unknown status." }),
});

export const addSectionRules = z.object({
  deliverableId: id,
  heading,
  body: body.default(""),
  /** 1-based; the end when missing. */
  position: z.number().int().min(1, "Positions start at 1.").optional(),
  expectedVersion: version,
});

export const removeSectionRules = z.object({ sectionId: id, expectedVersion: version });

export const reorderSectionsRules = z.object({
  deliverableId: id,
  sectionIds: z.array(id).min(1, "Name every section in its new order.").max(MAX_SECTIONS),
  expectedVersion: version,
});

export const editSectionRules = z.object({
  sectionId: id,
  body,
  heading: heading.optional(),
  expectedVersion: version,
});

export const restoreRevisionRules = z.object({
  sectionId: id,
  version: z.number().int().min(1, "Unknown revision."),
  expectedVersion: version,
});

export const proposeAmendmentRules = z.object({
  sectionId: id,
  body,
  rationale: z
    .string()
    .trim()
    .min(RATIONALE_MIN, "Explain why, in a few words at least.")
    .max(RATIONALE_MAX, `The rationale may be at most ${RATIONALE_MAX} characters.`),
  baseVersion: version.optional(),
});

export const acceptAmendmentRules = z.object({
  amendmentId: id,
  /** The editor's merge of a stale amendment with the current text. */
  mergedBody: body.optional(),
  expectedVersion: version.optional(),
});

export const rejectAmendmentRules = z.object({
  amendmentId: id,
  reason: z
    .string()
    .trim()
    .min(RATIONALE_MIN, "Tell the proposer why.")
    .max(RATIONALE_MAX, `The reason may be at most ${RATIONALE_MAX} characters.`),
});

export const addCommentRules = z
  .object({
    sectionId: id.optional(),
    amendmentId: id.optional(),
    parentId: id.optional(),
    body: z
      .string()
      .trim()
      .min(1, "Write a comment.")
      .max(COMMENT_MAX, `A comment may be at most ${COMMENT_MAX.toLocaleString("en")} characters.`),
    quote: z.string().max(QUOTE_MAX, `Quote at most ${QUOTE_MAX} characters.`).optional(),
  })
  .refine((c) => [c.sectionId, c.amendmentId, c.parentId].filter(Boolean).length === 1, {
    message: "Comment on one section, one amendment, or reply to one comment.",
    path: ["sectionId"],
  });

export const endorseRules = z.object({
  deliverableId: id,
  organizationId: id,
  statement: z
    .string()
    .trim()
    .max(STATEMENT_MAX, `The statement may be at most ${STATEMENT_MAX} characters.`)
    .optional(),
});

export const editorRules = z.object({ deliverableId: id, userId: id });

export const organizationsRules = z.object({
  deliverableId: id,
  organizationIds: z
    .array(id)
    .max(MAX_COAUTHOR_ORGANIZATIONS, `At most ${MAX_COAUTHOR_ORGANIZATIONS} co-authoring organisations.`),
});
