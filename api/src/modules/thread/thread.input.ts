import { Field, ID, InputType } from "type-graphql";
import { ReactionKind } from "./thread.type.js";

// Shapes only: the rules live in thread.rules.ts and are applied by the services.

@InputType("CreateThreadInput")
export class CreateThreadInput {
  @Field(() => ID) communityId!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { description: "Markdown" }) body!: string;
  @Field(() => [String], { nullable: true }) tags?: string[] | null;
}

@InputType("AddPostInput")
export class AddPostInput {
  @Field(() => ID) threadId!: string;
  @Field(() => String, { description: "Markdown; `@handle` mentions notify members" }) body!: string;
  @Field(() => ID, { nullable: true, description: "The post this one answers, shown as a quote" }) replyToId?:
    | string
    | null;
}

@InputType("EditPostInput")
export class EditPostInput {
  @Field(() => ID) postId!: string;
  @Field(() => String) body!: string;
}

@InputType("ToggleReactionInput")
export class ToggleReactionInput {
  @Field(() => ID) postId!: string;
  @Field(() => ReactionKind) kind!: ReactionKind;
}
