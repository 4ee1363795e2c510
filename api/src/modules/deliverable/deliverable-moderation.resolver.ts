import type { AmendmentRow, DeliverableCommentRow } from "@pratica/db";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { noticeOf, shownText } from "../hidden-content/hidden-content.read.js";
import { ModerationNotice } from "../hidden-content/hidden-content.type.js";
import { Amendment, DeliverableComment } from "./deliverable.type.js";

const WHILE_HIDDEN = "empty while hidden, for all but its author and the moderators";

/** A document comment under the hidden-content rule: it stays in its thread, with the notice in place of its text. */
@Resolver(() => DeliverableComment)
export class CommentModerationResolver {
  @FieldResolver(() => String, { description: `The text; ${WHILE_HIDDEN}` })
  body(@Root() c: DeliverableCommentRow, @Ctx() ctx: Context): string | Promise<string> {
    return shownText(ctx, c, c.authorId, c.body, "");
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: `The passage of the section it is about; null ${WHILE_HIDDEN.slice(6)}`,
  })
  quote(@Root() c: DeliverableCommentRow, @Ctx() ctx: Context): string | null | Promise<string | null> {
    return shownText(ctx, c, c.authorId, c.quote, null);
  }

  @FieldResolver(() => Boolean, { description: "Hidden by the moderators or, until reviewed, by the system" })
  hidden(@Root() c: DeliverableCommentRow): boolean {
    return c.hiddenAt !== null;
  }

  @FieldResolver(() => ModerationNotice, {
    nullable: true,
    description: "Why it is hidden: set while it is, for everyone",
  })
  moderation(@Root() c: DeliverableCommentRow, @Ctx() ctx: Context): Promise<ModerationNotice | null> {
    return noticeOf(ctx, c, c.authorId);
  }
}

/** An amendment under the hidden-content rule: it stays listed, with the notice in place of its text and diffs. */
@Resolver(() => Amendment)
export class AmendmentModerationResolver {
  @FieldResolver(() => String, { description: `The proposed text; ${WHILE_HIDDEN}` })
  body(@Root() a: AmendmentRow, @Ctx() ctx: Context): string | Promise<string> {
    return shownText(ctx, a, a.proposerId, a.body, "");
  }

  @FieldResolver(() => String, { description: `Why; ${WHILE_HIDDEN}` })
  rationale(@Root() a: AmendmentRow, @Ctx() ctx: Context): string | Promise<string> {
    return shownText(ctx, a, a.proposerId, a.rationale, "");
  }

  @FieldResolver(() => Boolean, { description: "Hidden by the moderators or, until reviewed, by the system" })
  hidden(@Root() a: AmendmentRow): boolean {
    return a.hiddenAt !== null;
  }

  @FieldResolver(() => ModerationNotice, {
    nullable: true,
    description: "Why it is hidden: set while it is, for everyone",
  })
  moderation(@Root() a: AmendmentRow, @Ctx() ctx: Context): Promise<ModerationNotice | null> {
    return noticeOf(ctx, a, a.proposerId);
  }
}
