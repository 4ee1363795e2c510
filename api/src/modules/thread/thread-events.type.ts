import type { PostRow, UserRow } from "@pratica/db";
import { createUnionType, Field, ID, ObjectType } from "type-graphql";
import { resolveByTypename } from "../../core/union.js";
import { User } from "../identity/user.type.js";
import { Post } from "./thread.type.js";

// Plain fields read straight from the payload: see `simple` in thread.type.ts.
@ObjectType("PostAdded", { simpleResolvers: true })
export class PostAdded {
  @Field(() => String, { description: "Resubscribe with `after:` this to resume" }) cursor!: string;
  @Field(() => Post) post!: PostRow;
}

@ObjectType("PostEdited", { simpleResolvers: true })
export class PostEdited {
  @Field(() => String) cursor!: string;
  @Field(() => Post) post!: PostRow;
}

@ObjectType("PostDeleted", { simpleResolvers: true })
export class PostDeleted {
  @Field(() => String) cursor!: string;
  @Field(() => Post, { description: "The post, now marked deleted" }) post!: PostRow;
}

@ObjectType("ReactionChanged", { simpleResolvers: true })
export class ReactionChanged {
  @Field(() => String) cursor!: string;
  @Field(() => Post, { description: "The post with its current reactions" }) post!: PostRow;
}

@ObjectType("PostHidden", { simpleResolvers: true, description: "Moderators (or the system) hid a post" })
export class PostHidden {
  @Field(() => String) cursor!: string;
  @Field(() => Post, { description: "The post, now hidden: its text only for its author and the moderators" })
  post!: PostRow;
}

@ObjectType("PostRestored", { simpleResolvers: true, description: "A hidden post is shown again" })
export class PostRestored {
  @Field(() => String) cursor!: string;
  @Field(() => Post) post!: PostRow;
}

@ObjectType("Typing", { simpleResolvers: true, description: "Someone is writing a reply; ephemeral, never replayed" })
export class Typing {
  @Field(() => ID) threadId!: string;
  @Field(() => User) user!: UserRow;
}

export const ThreadEvent = createUnionType({
  name: "ThreadEvent",
  types: () => [PostAdded, PostEdited, PostDeleted, ReactionChanged, PostHidden, PostRestored, Typing] as const,
  resolveType: resolveByTypename,
});

export const DURABLE_TYPENAMES = {
  POST_ADDED: "PostAdded",
  POST_EDITED: "PostEdited",
  POST_DELETED: "PostDeleted",
  REACTION_CHANGED: "ReactionChanged",
  POST_HIDDEN: "PostHidden",
  POST_RESTORED: "PostRestored",
} as const;
