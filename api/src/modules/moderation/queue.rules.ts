import { caseState, reportReason } from "@pratica/db";
import { z } from "zod";
import { isUuid } from "../../core/ids.js";

// A year of hours: beyond that the age filter means nothing, and the interval stays small.
const MAX_AGE_HOURS = 24 * 366;

/** The queue's filters; the enums arrive checked by GraphQL, the rest is checked here. */
export const queueFilterRules = z.object({
  communityId: z.string().refine(isUuid, "communityId is not an id.").optional(),
  reason: z.enum(reportReason.enumValues).optional(),
  state: z.enum(caseState.enumValues).optional(),
  olderThanHours: z
    .number()
    .int("olderThanHours is a whole number of hours.")
    .min(0, "olderThanHours cannot be negative.")
    .max(MAX_AGE_HOURS, `olderThanHours may be at most ${MAX_AGE_HOURS}.`)
    .optional(),
  newestFirst: z.boolean().optional(),
});

/** As the resolver passes them: GraphQL null is "not given". */
export type QueueFilter = {
  [K in keyof z.input<typeof queueFilterRules>]?: z.input<typeof queueFilterRules>[K] | null;
};
