import { z } from "zod";
import { visibleText } from "../../core/validate.js";

const version = z.number({ message: "expectedVersion is required." }).int().min(1, "expectedVersion must be positive.");

export const createPathRules = z.object({
  communityId: z.string(),
  title: visibleText(
    z
      .string()
      .trim()
      .min(3, "The title needs at least 3 characters.")
      .max(200, "The title may be at most 200 characters."),
    "The title needs visible characters, not only spaces.",
  ),
  summary: z.string().trim().max(2000, "The summary may be at most 2000 characters.").default(""),
});

export const updatePathRules = z.object({
  pathId: z.string(),
  expectedVersion: version,
  title: createPathRules.shape.title.optional(),
  summary: z.string().trim().max(2000, "The summary may be at most 2000 characters.").optional(),
});

const note = z.string().trim().max(2000, "A note may be at most 2000 characters.").default("");

export const addStepRules = z.object({ pathId: z.string(), resourceId: z.string(), note, expectedVersion: version });
export const updateStepRules = z.object({ stepId: z.string(), note, expectedVersion: version });
export const removeStepRules = z.object({ stepId: z.string(), expectedVersion: version });
export const reorderRules = z.object({
  pathId: z.string(),
  stepIds: z.array(z.string()).max(200, "A path may have at most 200 steps."),
  expectedVersion: version,
});
export const publishPathRules = z.object({ pathId: z.string(), expectedVersion: version });
