import { defineModule } from "../../core/module.js";
import { hiddenContentLoaders } from "./hidden-content.loaders.js";

declare module "../../core/loaders.js" {
  interface SharedLoaders extends ReturnType<typeof hiddenContentLoaders> {}
}

/**
 * What every content module needs to show moderated content: the notice shown in place of
 * hidden content, the rule of who still reads it, and the enums the moderation module shares
 * with them. Below the content modules (thread, library, deliverable) and the moderation module,
 * so that they all ask the same rule without depending on one another.
 */
export const hiddenContentModule = defineModule({
  name: "hidden-content",
  loaders: hiddenContentLoaders,
});
