import type { AmendmentRow, DeliverableCommentRow, SectionRow, UserRow } from "@pratica/db";
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { notFound } from "../../core/errors.js";
import { withoutNulls } from "../../core/validate.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { shownText } from "../hidden-content/hidden-content.read.js";
import { User } from "../identity/user.type.js";
import { assertSeenDeliverableVia, deliverableAccessVia } from "./deliverable.access.js";
import { AcceptAmendmentInput, ProposeAmendmentInput, RejectAmendmentInput } from "./deliverable.input.js";
import { canDecideAmendment, canWithdrawOpenAmendment } from "./deliverable.policy.js";
import { Amendment, DeliverableComment, DiffPart, Section } from "./deliverable.type.js";
import { type DiffPart as Part, wordDiff } from "./diff.js";

@Resolver(() => Amendment)
export class AmendmentResolver {
  // Not @ViewerDependent: the section is in the amendment's own document, so every subscriber a
  // document's event stream admitted (after the same check) gets the same answer.
  @FieldResolver(() => Section)
  async section(@Root() a: AmendmentRow, @Ctx() ctx: Context): Promise<SectionRow> {
    await assertSeenDeliverableVia(ctx, a.deliverableId);
    return sectionOf(a, ctx);
  }

  @FieldResolver(() => User)
  proposer(@Root() a: AmendmentRow, @Ctx() { loaders }: Context): Promise<UserRow | null> {
    return loaders.userById.load(a.proposerId);
  }

  @FieldResolver(() => User, { nullable: true, description: "The editor who decided, or the proposer who withdrew" })
  decider(@Root() a: AmendmentRow, @Ctx() { loaders }: Context): Promise<UserRow | null> {
    return a.deciderId ? loaders.userById.load(a.deciderId) : Promise.resolve(null);
  }

  @FieldResolver(() => Boolean, { description: "Open, and written against an older version of the section" })
  async stale(@Root() a: AmendmentRow, @Ctx() ctx: Context): Promise<boolean> {
    return a.status === "OPEN" && (await sectionOf(a, ctx)).version !== a.baseVersion;
  }

  @FieldResolver(() => [DiffPart], { description: "What it changes in the version the proposer read" })
  async diff(@Root() a: AmendmentRow, @Ctx() ctx: Context): Promise<Part[]> {
    if (!(await shownText(ctx, a, a.proposerId, true, false))) return [];
    const base = await ctx.services.deliverable.revision(a.sectionId, a.baseVersion);
    return wordDiff(base?.body ?? "", a.body);
  }

  @FieldResolver(() => [DiffPart], { description: "From the section's current text to the amendment's" })
  async currentDiff(@Root() a: AmendmentRow, @Ctx() ctx: Context): Promise<Part[]> {
    if (!(await shownText(ctx, a, a.proposerId, true, false))) return [];
    return wordDiff((await sectionOf(a, ctx)).body, a.body);
  }

  @FieldResolver(() => [DeliverableComment])
  comments(@Root() a: AmendmentRow, @Ctx() { loaders }: Context): Promise<DeliverableCommentRow[]> {
    return loaders.commentThreadsByAmendment.load(a.id);
  }

  @FieldResolver(() => Boolean)
  @ViewerDependent()
  async viewerCanDecide(@Root() a: AmendmentRow, @Ctx() ctx: Context): Promise<boolean> {
    const d = await ctx.loaders.deliverableById.load(a.deliverableId);
    return d !== null && canDecideAmendment(await deliverableAccessVia(ctx, d), d, a);
  }

  @FieldResolver(() => Boolean)
  @ViewerDependent()
  async viewerCanWithdraw(@Root() a: AmendmentRow, @Ctx() ctx: Context): Promise<boolean> {
    return canWithdrawOpenAmendment(
      await deliverableAccessVia(ctx, { id: a.deliverableId, communityId: a.communityId }),
      a,
    );
  }

  @Mutation(() => Amendment, { description: "Active members, while the document is DRAFT or REVIEW" })
  proposeAmendment(@Arg("input", () => ProposeAmendmentInput) input: ProposeAmendmentInput, @Ctx() ctx: Context) {
    return ctx.services.amendment.propose(ctx.viewer, withoutNulls(input));
  }

  @Mutation(() => Amendment, {
    description: "Editors; a stale amendment needs mergedBody and expectedVersion (CONFLICT otherwise)",
  })
  acceptAmendment(@Arg("input", () => AcceptAmendmentInput) input: AcceptAmendmentInput, @Ctx() ctx: Context) {
    return ctx.services.amendment.accept(ctx.viewer, withoutNulls(input));
  }

  @Mutation(() => Amendment, { description: "Editors, with a reason" })
  rejectAmendment(@Arg("input", () => RejectAmendmentInput) input: RejectAmendmentInput, @Ctx() ctx: Context) {
    return ctx.services.amendment.reject(ctx.viewer, input);
  }

  @Mutation(() => Amendment, { description: "Its proposer, while open" })
  withdrawAmendment(@Arg("amendmentId", () => ID) amendmentId: string, @Ctx() ctx: Context) {
    return ctx.services.amendment.withdraw(ctx.viewer, amendmentId);
  }
}

/** The section of an amendment already reached (and so readable): the same document, no check again. */
async function sectionOf(a: AmendmentRow, { loaders }: Context): Promise<SectionRow> {
  const s = await loaders.sectionById.load(a.sectionId);
  if (!s) throw notFound("Section");
  return s;
}
