import { defineModule } from "../../core/module.js";
import type { ModerationMessage } from "./moderation.topics.js";

declare module "../../core/topics.js" {
  interface Topics {
    moderation: [communityIdOrAll: string, message: ModerationMessage];
  }
}

/**
 * Trust and safety: reports merged into cases, the review queue, decisions (hide, restore, warn,
 * restrict, suspend) with appeals to another moderator, automatic hiding, and the moderation log.
 * Above every module whose content can be reported (thread, library, deliverable, identity's
 * profiles), whose rows it hides and whose read rules it asks (docs/moderation.md).
 */
export const moderationModule = defineModule({
  name: "moderation",
  resolvers: [],
});
