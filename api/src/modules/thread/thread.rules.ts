import { reactionKind } from "@pratica/db";
import { z } from "zod";
import { visibleText } from "../../core/validate.js";

export const MAX_BODY = 20_000;
export const REACTION_KINDS = reactionKind.enumValues;

const body = z
  .string()
  .trim()
  .min(1, "Write something first.")
  .max(MAX_BODY, `A post may be at most ${MAX_BODY} characters.`);

const tag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}-]{0,29}$/u, "Tags are single words or hyphenated words of at most 30 characters.");

export const createThreadRules = z.object({
  communityId: z.string(),
  title: visibleText(
    z
      .string()
      .trim()
      .min(3, "The title needs at least 3 characters.")
      .max(200, "The title may be at most 200 characters."),
    "The title needs visible characters, not only spaces.",
  ),
  body,
  tags: z
    .array(tag)
    .max(5, "At most 5 tags.")
    .default([])
    .transform((tags) => [...new Set(tags)]),
});

export const addPostRules = z.object({
  threadId: z.string(),
  body,
  replyToId: z.string().nullish(),
});

export const editPostRules = z.object({ postId: z.string(), body });

export const reactionRules = z.object({ postId: z.string(), kind: z.enum(REACTION_KINDS) });

export const tagFilterRule = tag.nullish();
