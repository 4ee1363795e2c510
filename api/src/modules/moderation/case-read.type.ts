import { createUnionType } from "type-graphql";
import { resolveByTypename } from "../../core/union.js";
import { Amendment, DeliverableComment } from "../deliverable/deliverable.type.js";
import { User } from "../identity/user.type.js";
import { Resource } from "../library/resource.type.js";
import { Post, Thread } from "../thread/thread.type.js";

/** What a case is about: one of the six reportable things (case-target.ts tags each row). */
export const ModerationTarget = createUnionType({
  name: "ModerationTarget",
  description: "The reported content or profile",
  types: () => [Post, Thread, Resource, DeliverableComment, Amendment, User] as const,
  resolveType: resolveByTypename,
});
