import { deliverableStatus } from "@pratica/db";
import { z } from "zod";
import { visibleText } from "../../core/validate.js";

const title = visibleText(
  z
    .string()
    .trim()
    .min(3, "The title needs at least 3 characters.")
    .max(200, "The title may be at most 200 characters."),
  "The title needs visible characters, not only spaces.",
);
const summary = z.string().trim().max(2000, "The summary may be at most 2000 characters.");
const heading = visibleText(
  z.string().trim().min(1, "A section needs a heading.").max(200, "A heading may be at most 200 characters."),
  "A section needs a heading with visible characters.",
);
const body = z.string().max(100_000, "A section may be at most 100,000 characters.");
const version = z.number().int().min(1, "Send the version you started from.");
const id = z.string();

export const MAX_SECTIONS = 100;

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
    .min(3, "Explain why, in a few words at least.")
    .max(5000, "The rationale may be at most 5000 characters."),
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
  reason: z.string().trim().min(3, "Tell the proposer why.").max(5000, "The reason may be at most 5000 characters."),
});

export const addCommentRules = z
  .object({
    sectionId: id.optional(),
    amendmentId: id.optional(),
    parentId: id.optional(),
    body: z.string().trim().min(1, "Write a comment.").max(10_000, "A comment may be at most 10,000 characters."),
    quote: z.string().max(2000, "Quote at most 2000 characters.").optional(),
  })
  .refine((c) => [c.sectionId, c.amendmentId, c.parentId].filter(Boolean).length === 1, {
    message: "Comment on one section, one amendment, or reply to one comment.",
    path: ["sectionId"],
  });

export const endorseRules = z.object({
  deliverableId: id,
  organizationId: id,
  statement: z.string().trim().max(2000, "The statement may be at most 2000 characters.").optional(),
});

export const editorRules = z.object({ deliverableId: id, userId: id });

export const organizationsRules = z.object({
  deliverableId: id,
  organizationIds: z.array(id).max(50, "At most 50 co-authoring organisations."),
});
