import { MAX_PATH_STEPS, PATH_TEXT_MAX, TITLE_MAX, TITLE_MIN } from "@pratica/rules";
import { z } from "zod";
import { visibleText } from "../../core/validate.js";

const summary = z.string().trim().max(PATH_TEXT_MAX, `The summary may be at most ${PATH_TEXT_MAX} characters.`);
const version = z.number({ message: "expectedVersion is required." }).int().min(1, "expectedVersion must be positive.");

export const createPathRules = z.object({
  communityId: z.string(),
  title: visibleText(
    z
      .string()
      .trim()
      .min(TITLE_MIN, `The title needs at least ${TITLE_MIN} characters.`)
      .max(TITLE_MAX, `The title may be at most ${TITLE_MAX} characters.`),
    "The title needs visible characters, not only spaces.",
  ),
  summary: summary.default(""),
});

export const updatePathRules = z.object({
  pathId: z.string(),
  expectedVersion: version,
  title: createPathRules.shape.title.optional(),
  summary: summary.optional(),
});

const note = z.string().trim().max(PATH_TEXT_MAX, `A note may be at most ${PATH_TEXT_MAX} characters.`).default("");

export const addStepRules = z.object({ pathId: z.string(), resourceId: z.string(), note, expectedVersion: version });
export const updateStepRules = z.object({ stepId: z.string(), note, expectedVersion: version });
export const removeStepRules = z.object({ stepId: z.string(), expectedVersion: version });
export const reorderRules = z.object({
  pathId: z.string(),
  stepIds: z.array(z.string()).max(MAX_PATH_STEPS, `A path may have at most ${MAX_PATH_STEPS} steps.`),
  expectedVersion: version,
});
export const publishPathRules = z.object({ pathId: z.string(), expectedVersion: version });
