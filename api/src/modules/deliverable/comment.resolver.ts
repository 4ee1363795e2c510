import type { AmendmentRow, DeliverableCommentRow, SectionRow, UserRow } from "@pratica/db";
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { withoutNulls } from "../../core/validate.js";
import { User } from "../identity/user.type.js";
import { seenDeliverableVia } from "./deliverable.access.js";
import { AddDeliverableCommentInput } from "./deliverable.input.js";
import { Amendment, DeliverableComment, Section } from "./deliverable.type.js";

@Resolver(() => DeliverableComment)
export class DeliverableCommentResolver {
  @FieldResolver(() => User)
  author(@Root() c: DeliverableCommentRow, @Ctx() { loaders }: Context): Promise<UserRow | null> {
    return loaders.userById.load(c.authorId);
  }

  @FieldResolver(() => Boolean)
  resolved(@Root() c: DeliverableCommentRow): boolean {
    return c.resolvedAt !== null;
  }

  @FieldResolver(() => User, { nullable: true })
  resolvedBy(@Root() c: DeliverableCommentRow, @Ctx() { loaders }: Context): Promise<UserRow | null> {
    return c.resolvedBy ? loaders.userById.load(c.resolvedBy) : Promise.resolve(null);
  }

  @FieldResolver(() => ID, { nullable: true, description: "The thread's first comment, for replies" })
  parentId(@Root() c: DeliverableCommentRow): string | null {
    return c.parentId;
  }

  @FieldResolver(() => [DeliverableComment], { description: "Replies, oldest first (first comments only)" })
  replies(@Root() c: DeliverableCommentRow, @Ctx() { loaders }: Context): Promise<DeliverableCommentRow[]> {
    return c.parentId ? Promise.resolve([]) : loaders.repliesByComment.load(c.id);
  }

  // What a comment is about is in its own document: null unless the viewer may see that
  // document (not @ViewerDependent: a document's stream admits only those who may).
  @FieldResolver(() => Section, { nullable: true })
  async section(@Root() c: DeliverableCommentRow, @Ctx() ctx: Context): Promise<SectionRow | null> {
    if (!c.sectionId || !(await seenDeliverableVia(ctx, c.deliverableId))) return null;
    return ctx.loaders.sectionById.load(c.sectionId);
  }

  @FieldResolver(() => Amendment, { nullable: true })
  async amendment(@Root() c: DeliverableCommentRow, @Ctx() ctx: Context): Promise<AmendmentRow | null> {
    if (!c.amendmentId || !(await seenDeliverableVia(ctx, c.deliverableId))) return null;
    return ctx.loaders.amendmentById.load(c.amendmentId);
  }

  @Mutation(() => DeliverableComment, { description: "Active members, until the document is archived" })
  addDeliverableComment(
    @Arg("input", () => AddDeliverableCommentInput) input: AddDeliverableCommentInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.comment.add(ctx.viewer, withoutNulls(input));
  }

  @Mutation(() => DeliverableComment, { description: "Whoever opened the thread, or an editor" })
  resolveDeliverableComment(
    @Arg("commentId", () => ID) commentId: string,
    @Arg("resolved", () => Boolean, { defaultValue: true }) resolved: boolean,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.comment.resolve(ctx.viewer, commentId, resolved);
  }
}
