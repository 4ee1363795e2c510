import { reportReason } from "@pratica/db";
import { z } from "zod";
import { visibleText } from "../../core/validate.js";

/** The longest report note, internal note, message to the author, appeal and case message. */
export const REPORT_NOTE_MAX = 1000;
export const MODERATION_TEXT_MAX = 2000;

const text = (max: number, field: string) =>
  visibleText(z.string().trim().min(1, `Write the ${field}.`).max(max, `At most ${max} characters.`));

const id = z.string().min(1);

export const TARGET_FIELDS = ["postId", "threadId", "resourceId", "commentId", "amendmentId", "userId"] as const;

export const reportContentRules = z
  .object({
    postId: id.optional(),
    threadId: id.optional(),
    resourceId: id.optional(),
    commentId: id.optional(),
    amendmentId: id.optional(),
    userId: id.optional(),
    reason: z.enum(reportReason.enumValues),
    note: z.string().trim().max(REPORT_NOTE_MAX, `At most ${REPORT_NOTE_MAX} characters.`).optional(),
  })
  .refine((r) => TARGET_FIELDS.filter((f) => r[f] !== undefined).length === 1, {
    message: "Report exactly one thing: a post, thread, resource, comment, amendment or profile.",
    path: ["postId"],
  });

export const decideCaseRules = z.object({
  caseId: id,
  action: z.enum(["DISMISS", "HIDE", "RESTORE", "WARN", "RESTRICT", "SUSPEND"]),
  reason: text(MODERATION_TEXT_MAX, "internal note"),
  message: text(MODERATION_TEXT_MAX, "message to the author").optional(),
  until: z.date().optional(),
  scope: z.enum(["COMMUNITY", "PLATFORM"]).optional(),
  expectedState: z.enum(["OPEN", "ACTIONED", "DISMISSED", "APPEALED", "UPHELD", "OVERTURNED"]),
});

export const appealRules = z.object({ caseId: id, statement: text(MODERATION_TEXT_MAX, "appeal") });

export const decideAppealRules = z.object({
  caseId: id,
  decision: z.enum(["UPHOLD", "OVERTURN"]),
  reason: text(MODERATION_TEXT_MAX, "internal note"),
  message: text(MODERATION_TEXT_MAX, "message to the author"),
  expectedState: z.enum(["OPEN", "ACTIONED", "DISMISSED", "APPEALED", "UPHELD", "OVERTURNED"]),
});

export const caseMessageRules = z.object({ caseId: id, body: text(MODERATION_TEXT_MAX, "message") });

/** Automatic hiding: from 1 to 50 weighted reports, or null for never. */
export const thresholdRules = z.object({
  communityId: id,
  threshold: z.number().min(1, "At least 1.").max(50, "At most 50.").nullable(),
});
