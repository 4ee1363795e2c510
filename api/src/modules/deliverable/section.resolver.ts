import type {
  AmendmentRow,
  DeliverableCommentRow,
  DeliverableRow,
  SectionRevisionRow,
  SectionRow,
  UserRow,
} from "@pratica/db";
import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from "type-graphql";
import { connectionComplexity, toConnection } from "../../core/connection.type.js";
import type { Context } from "../../core/context.js";
import { notFound } from "../../core/errors.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { User } from "../identity/user.type.js";
import { assertSeenDeliverableVia, deliverableAccessVia, seenDeliverableVia } from "./deliverable.access.js";
import { EditSectionInput, RestoreSectionRevisionInput } from "./deliverable.input.js";
import { canEditText } from "./deliverable.policy.js";
import {
  Amendment,
  Deliverable,
  DeliverableComment,
  DiffPart,
  Section,
  SectionRevision,
  SectionRevisionConnection,
} from "./deliverable.type.js";
import type { DiffPart as Part } from "./diff.js";

@Resolver(() => Section)
export class SectionResolver {
  // The edges up to the document re-check it; not @ViewerDependent, as in a document's event
  // stream every admitted subscriber passed the same check.
  @FieldResolver(() => Deliverable)
  deliverable(@Root() s: SectionRow, @Ctx() ctx: Context): Promise<DeliverableRow> {
    return assertSeenDeliverableVia(ctx, s.deliverableId);
  }

  @FieldResolver(() => SectionRevision, { nullable: true, description: "Who last changed it, and when" })
  lastRevision(@Root() s: SectionRow, @Ctx() { loaders }: Context): Promise<SectionRevisionRow | null> {
    return loaders.lastRevisionBySection.load(s.id);
  }

  @FieldResolver(() => SectionRevisionConnection, { complexity: connectionComplexity, description: "Newest first" })
  async revisions(
    @Root() s: SectionRow,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    const page = await ctx.services.section.revisions(s.id, { first, after });
    return toConnection(page, s.version);
  }

  @FieldResolver(() => [DiffPart], { description: "Word-level diff from one revision to another (default: current)" })
  diff(
    @Root() s: SectionRow,
    @Arg("from", () => Int) from: number,
    @Arg("to", () => Int, { nullable: true }) to: number | null,
    @Ctx() ctx: Context,
  ): Promise<Part[]> {
    return ctx.services.section.diff(s, from, to);
  }

  @FieldResolver(() => [Amendment], { description: "Open amendments of this section" })
  amendments(@Root() s: SectionRow, @Ctx() { loaders }: Context): Promise<AmendmentRow[]> {
    return loaders.openAmendmentsBySection.load(s.id);
  }

  @FieldResolver(() => [DeliverableComment], { description: "Comment threads (their first comments), oldest first" })
  comments(@Root() s: SectionRow, @Ctx() { loaders }: Context): Promise<DeliverableCommentRow[]> {
    return loaders.commentThreadsBySection.load(s.id);
  }

  @FieldResolver(() => Boolean)
  @ViewerDependent()
  async viewerCanEdit(@Root() s: SectionRow, @Ctx() ctx: Context): Promise<boolean> {
    const d = await ctx.loaders.deliverableById.load(s.deliverableId);
    return d !== null && canEditText(await deliverableAccessVia(ctx, d), d);
  }

  @Mutation(() => Section, {
    description: "Editors; a stale expectedVersion is refused with CONFLICT carrying the current version and body",
  })
  editSection(@Arg("input", () => EditSectionInput) input: EditSectionInput, @Ctx() ctx: Context): Promise<SectionRow> {
    return ctx.services.section.edit(ctx.viewer, { ...input, heading: input.heading ?? undefined });
  }

  @Mutation(() => Section, { description: "Editors; brings an old revision back as a new one" })
  restoreSectionRevision(
    @Arg("input", () => RestoreSectionRevisionInput) input: RestoreSectionRevisionInput,
    @Ctx() ctx: Context,
  ): Promise<SectionRow> {
    return ctx.services.section.restore(ctx.viewer, input);
  }
}

@Resolver(() => SectionRevision)
export class SectionRevisionResolver {
  @FieldResolver(() => User, { description: "Whose words these are (the proposer of an accepted amendment)" })
  author(@Root() r: SectionRevisionRow, @Ctx() { loaders }: Context): Promise<UserRow | null> {
    return loaders.userById.load(r.authorId);
  }

  @FieldResolver(() => User, { description: "Who made the change" })
  editor(@Root() r: SectionRevisionRow, @Ctx() { loaders }: Context): Promise<UserRow | null> {
    return loaders.userById.load(r.editorId);
  }

  @FieldResolver(() => Amendment, { nullable: true })
  async amendment(@Root() r: SectionRevisionRow, @Ctx() ctx: Context): Promise<AmendmentRow | null> {
    if (!r.amendmentId || !(await seenDeliverableVia(ctx, r.deliverableId))) return null;
    return ctx.loaders.amendmentById.load(r.amendmentId);
  }

  @FieldResolver(() => Section)
  async section(@Root() r: SectionRevisionRow, @Ctx() ctx: Context): Promise<SectionRow> {
    await assertSeenDeliverableVia(ctx, r.deliverableId);
    const s = await ctx.loaders.sectionById.load(r.sectionId);
    if (!s) throw notFound("Section");
    return s;
  }
}
