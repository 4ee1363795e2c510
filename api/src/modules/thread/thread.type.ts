import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Connection } from "../../core/connection.type.js";

export enum ThreadSort {
  LATEST_ACTIVITY = "LATEST_ACTIVITY",
  NEWEST = "NEWEST",
  MOST_REPLIES = "MOST_REPLIES",
}
registerEnumType(ThreadSort, { name: "ThreadSort", description: "Pinned threads always come first" });

export enum ReactionKind {
  LIKE = "LIKE",
  HEART = "HEART",
  CELEBRATE = "CELEBRATE",
  INSIGHTFUL = "INSIGHTFUL",
  SUPPORT = "SUPPORT",
}
registerEnumType(ReactionKind, { name: "ReactionKind" });

@ObjectType("Thread", { description: "A discussion in a community" })
export class Thread {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { description: "Markdown" }) body!: string;
  @Field(() => [String]) tags!: string[];
  @Field(() => Boolean) pinned!: boolean;
  @Field(() => Boolean, { description: "A locked thread takes no new replies" }) locked!: boolean;
  @Field(() => Int) replyCount!: number;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
  @Field(() => DateTimeISOResolver) lastActivityAt!: Date;
}

@ObjectType("ReactionSummary")
export class ReactionSummary {
  @Field(() => ReactionKind) kind!: ReactionKind;
  @Field(() => Int) count!: number;
}

@ObjectType("Post", { description: "A reply in a thread" })
export class Post {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: "This post's position; `threadEvents(after:)` and `posts(after:)` take cursors" })
  cursor!: string;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
  @Field(() => DateTimeISOResolver, { nullable: true }) editedAt!: Date | null;
}

@ObjectType("PostRevision", { description: "An earlier text of an edited post" })
export class PostRevision {
  @Field(() => ID) id!: string;
  @Field(() => String) body!: string;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
}

@ObjectType("ThreadConnection")
export class ThreadConnection extends Connection(Thread, "Thread") {}

@ObjectType("PostConnection")
export class PostConnection extends Connection(Post, "Post") {}
