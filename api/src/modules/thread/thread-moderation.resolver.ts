import type { ThreadRow } from "@pratica/db";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { noticeOf, shownText } from "../hidden-content/hidden-content.read.js";
import { ModerationNotice } from "../hidden-content/hidden-content.type.js";
import { Thread } from "./thread.type.js";

/**
 * A thread's text under the hidden-content rule: a hidden thread stays listed, with the notice in
 * place of its title and opening text for all but its author and the moderators.
 */
@Resolver(() => Thread)
export class ThreadModerationResolver {
  @FieldResolver(() => String, { description: "Empty while hidden, for all but its author and the moderators" })
  title(@Root() thread: ThreadRow, @Ctx() ctx: Context): string | Promise<string> {
    return shownText(ctx, thread, thread.authorId, thread.title, "");
  }

  @FieldResolver(() => String, {
    description: "Markdown; empty while hidden, for all but its author and the moderators",
  })
  body(@Root() thread: ThreadRow, @Ctx() ctx: Context): string | Promise<string> {
    return shownText(ctx, thread, thread.authorId, thread.body, "");
  }

  @FieldResolver(() => Boolean, { description: "Hidden by the moderators or, until reviewed, by the system" })
  hidden(@Root() thread: ThreadRow): boolean {
    return thread.hiddenAt !== null;
  }

  @FieldResolver(() => ModerationNotice, {
    nullable: true,
    description: "Why it is hidden: set while it is, for everyone",
  })
  moderation(@Root() thread: ThreadRow, @Ctx() ctx: Context): Promise<ModerationNotice | null> {
    return noticeOf(ctx, thread, thread.authorId);
  }
}
