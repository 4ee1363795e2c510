import { reactionKind } from "@pratica/db";
import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Connection } from "../../core/connection.type.js";
import { graphqlEnum } from "../../core/enums.js";

export enum ThreadSort {
  LATEST_ACTIVITY = "LATEST_ACTIVITY",
  NEWEST = "NEWEST",
  MOST_REPLIES = "MOST_REPLIES",
}
registerEnumType(ThreadSort, { name: "ThreadSort", description: "Pinned threads always come first" });

export const ReactionKind = graphqlEnum(reactionKind.enumValues, { name: "ReactionKind" });
export type ReactionKind = (typeof ReactionKind)[keyof typeof ReactionKind];

/**
 * Object types here set `simpleResolvers`: type-graphql otherwise wraps every plain field in a
 * resolver (for middlewares, of which Pratica has none), and graphql-jit must then call a function
 * per field and value instead of reading the property in its compiled code.
 */
const simple = { simpleResolvers: true } as const;

@ObjectType("Thread", { ...simple, description: "A discussion in a community" })
export class Thread {
  @Field(() => ID) id!: string;
  // title and body: thread-moderation.resolver.ts (blank while hidden, for those who may not see it)
  @Field(() => [String]) tags!: string[];
  @Field(() => Boolean) pinned!: boolean;
  @Field(() => Boolean, { description: "A locked thread takes no new replies" }) locked!: boolean;
  @Field(() => Int) replyCount!: number;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
  @Field(() => DateTimeISOResolver) lastActivityAt!: Date;
}

@ObjectType("ReactionSummary", simple)
export class ReactionSummary {
  @Field(() => ReactionKind) kind!: ReactionKind;
  @Field(() => Int) count!: number;
}

@ObjectType("Post", { ...simple, description: "A reply in a thread" })
export class Post {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: "This post's position; `threadEvents(after:)` and `posts(after:)` take cursors" })
  cursor!: string;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
  @Field(() => DateTimeISOResolver, { nullable: true }) editedAt!: Date | null;
}

@ObjectType("PostRevision", { ...simple, description: "An earlier text of an edited post" })
export class PostRevision {
  @Field(() => ID) id!: string;
  @Field(() => String) body!: string;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
}

@ObjectType("ThreadConnection", simple)
export class ThreadConnection extends Connection(Thread, "Thread") {}

@ObjectType("PostConnection", simple)
export class PostConnection extends Connection(Post, "Post") {}
