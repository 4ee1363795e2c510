import { reactionKind } from "@pratica/db";
import { POST_MAX, TAG, TAG_MAX, THREAD_TAGS_MAX, TITLE_MAX, TITLE_MIN } from "@pratica/rules";
import { z } from "zod";
import { visibleText } from "../../core/validate.js";

export const REACTION_KINDS = reactionKind.enumValues;

const body = z
  .string()
  .trim()
  .min(1, "Write something first.")
  .max(POST_MAX, `A post may be at most ${POST_MAX} characters.`);

const tag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(TAG, `Tags are single words or hyphenated words of at most ${TAG_MAX} characters.`);

export const createThreadRules = z.object({
  communityId: z.string(),
  title: visibleText(
    z
      .string()
      .trim()
      .min(TITLE_MIN, `The title needs at least ${TITLE_MIN} characters.`)
      .max(TITLE_MAX, `The title may be at most ${TITLE_MAX} characters.`),
    "The title needs visible characters, not only spaces.",
  ),
  body,
  tags: z
    .array(tag)
    .max(THREAD_TAGS_MAX, `At most ${THREAD_TAGS_MAX} tags.`)
    .default([])
    .transform((tags) => [...new Set(tags)]),
});

export const addPostRules = z.object({
  threadId: z.string(),
  body,
  replyToId: z.string().nullish(),
});

export const editPostRules = z.object({ postId: z.string(), body });

/**
 * Deleting: a moderator deleting someone else's post says why (told to its author); an author
 * deleting their own gives no reason. Which case applies is decided under the lock (post.service.ts).
 */
export const DELETE_REASON_MAX = 1000;
export const moderatorDeleteRules = z.object({
  reason: z
    .string()
    .trim()
    .min(1, "Say why you delete this post: its author is told.")
    .max(DELETE_REASON_MAX, `The reason may be at most ${DELETE_REASON_MAX} characters.`),
});

export const reactionRules = z.object({ postId: z.string(), kind: z.enum(REACTION_KINDS) });

export const tagFilterRule = tag.nullish();
