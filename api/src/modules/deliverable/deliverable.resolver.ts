import type {
  AmendmentRow,
  CommunityRow,
  DeliverablePresenceRow,
  DeliverableRow,
  EndorsementRow,
  OrganizationRow,
  SectionRow,
  UserRow,
} from "@pratica/db";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { connectionComplexity, toConnection } from "../../core/connection.type.js";
import type { Context } from "../../core/context.js";
import { withoutNulls } from "../../core/validate.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { accessTo, accessVia } from "../community/community.access.js";
import { Community } from "../community/community.type.js";
import { User } from "../identity/user.type.js";
import { Organization } from "../organization/organization.type.js";
import { deliverableAccessVia } from "./deliverable.access.js";
import {
  AddSectionInput,
  CreateDeliverableInput,
  DeliverableEditorInput,
  RemoveSectionInput,
  ReorderSectionsInput,
  SetDeliverableOrganizationsInput,
  SetDeliverableStatusInput,
  UpdateDeliverableInput,
} from "./deliverable.input.js";
import {
  canBeEndorsed,
  canComment,
  canCreateDeliverable,
  canEditText,
  canManage,
  canProposeAmendment,
} from "./deliverable.policy.js";
import {
  Amendment,
  AmendmentStatus,
  Deliverable,
  DeliverableConnection,
  DeliverableStatus,
  Endorsement,
  Presence,
  Section,
} from "./deliverable.type.js";
import { STATUS_TRANSITIONS } from "./deliverable.workflow.js";
import { toMarkdown } from "./export.js";

@Resolver(() => Deliverable)
export class DeliverableResolver {
  @Query(() => Deliverable, { nullable: true, description: "NOT_FOUND for drafts the viewer may not see" })
  async deliverable(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<DeliverableRow> {
    const { deliverable } = await ctx.services.deliverable.visible(ctx.viewer, id);
    // The row the access check read is what the edges' re-checks (Section.deliverable,
    // Amendment.section…) would load again.
    ctx.loaders.deliverableById.prime(deliverable.id, deliverable);
    return deliverable;
  }

  @FieldResolver(() => Community)
  community(@Root() d: DeliverableRow, @Ctx() { loaders }: Context): Promise<CommunityRow | null> {
    return loaders.communityById.load(d.communityId);
  }

  @FieldResolver(() => User)
  creator(@Root() d: DeliverableRow, @Ctx() { loaders }: Context): Promise<UserRow | null> {
    return loaders.userById.load(d.creatorId);
  }

  @FieldResolver(() => [Section], { description: "In reading order" })
  sections(@Root() d: DeliverableRow, @Ctx() { loaders }: Context): Promise<SectionRow[]> {
    return loaders.sectionsByDeliverable.load(d.id);
  }

  @FieldResolver(() => [Organization], { description: "The co-authoring organisations" })
  async organizations(@Root() d: DeliverableRow, @Ctx() { loaders }: Context): Promise<OrganizationRow[]> {
    const authors = await loaders.authorsByDeliverable.load(d.id);
    return present(await Promise.all(authors.map((a) => loaders.organizationById.load(a.organizationId))));
  }

  @FieldResolver(() => [User])
  async editors(@Root() d: DeliverableRow, @Ctx() { loaders }: Context): Promise<UserRow[]> {
    const editors = await loaders.editorsByDeliverable.load(d.id);
    return present(await Promise.all(editors.map((e) => loaders.userById.load(e.userId))));
  }

  @FieldResolver(() => [Endorsement], { description: "The signatories (live endorsements), in the order they signed" })
  endorsements(@Root() d: DeliverableRow, @Ctx() { loaders }: Context): Promise<EndorsementRow[]> {
    return loaders.endorsementsByDeliverable.load(d.id);
  }

  @FieldResolver(() => [Amendment])
  amendments(
    @Root() d: DeliverableRow,
    @Arg("status", () => AmendmentStatus, { nullable: true }) status: AmendmentStatus | null,
    @Ctx() ctx: Context,
  ): Promise<AmendmentRow[]> {
    return ctx.services.amendment.list(d.id, status);
  }

  @FieldResolver(() => String, {
    description:
      "The document's latest event: subscribe to `deliverableEvents(after:)` with it to miss nothing after this query",
  })
  async eventCursor(@Root() d: DeliverableRow, @Ctx() { loaders }: Context): Promise<string> {
    return String((await loaders.lastDeliverableEventId.load(d.id))?.id ?? 0);
  }

  @FieldResolver(() => [Presence], { description: "Who has the document open now" })
  async presence(@Root() d: DeliverableRow, @Ctx() ctx: Context) {
    const rows = await ctx.services.presence.current(d.id);
    return rows.map((p: DeliverablePresenceRow) => ({ ...p, active: true }));
  }

  @FieldResolver(() => String, { description: "The current text as Markdown, with co-authors and signatories" })
  async markdown(@Root() d: DeliverableRow, @Ctx() ctx: Context): Promise<string> {
    return toMarkdown(await ctx.services.deliverable.exported(d));
  }

  @FieldResolver(() => Boolean)
  @ViewerDependent()
  async viewerIsEditor(@Root() d: DeliverableRow, @Ctx() ctx: Context): Promise<boolean> {
    return canManage(await deliverableAccessVia(ctx, d));
  }

  @FieldResolver(() => Boolean, { description: "May change the text now" })
  @ViewerDependent()
  async viewerCanEdit(@Root() d: DeliverableRow, @Ctx() ctx: Context): Promise<boolean> {
    return canEditText(await deliverableAccessVia(ctx, d), d);
  }

  @FieldResolver(() => Boolean)
  @ViewerDependent()
  async viewerCanPropose(@Root() d: DeliverableRow, @Ctx() ctx: Context): Promise<boolean> {
    return canProposeAmendment(await deliverableAccessVia(ctx, d), d);
  }

  @FieldResolver(() => Boolean)
  @ViewerDependent()
  async viewerCanComment(@Root() d: DeliverableRow, @Ctx() ctx: Context): Promise<boolean> {
    return canComment(await deliverableAccessVia(ctx, d), d);
  }

  @FieldResolver(() => [DeliverableStatus], { description: "Where the viewer may move the document next" })
  @ViewerDependent()
  async viewerNextStatuses(@Root() d: DeliverableRow, @Ctx() ctx: Context): Promise<readonly string[]> {
    return canManage(await deliverableAccessVia(ctx, d)) ? STATUS_TRANSITIONS[d.status] : [];
  }

  @FieldResolver(() => [Organization], {
    description: "Organisations the viewer represents that have not endorsed it (empty unless published)",
  })
  @ViewerDependent()
  async viewerCanEndorseFor(@Root() d: DeliverableRow, @Ctx() ctx: Context): Promise<OrganizationRow[]> {
    if (!ctx.viewer || !canBeEndorsed(d)) return [];
    const [represented, signed] = await Promise.all([
      ctx.loaders.viewerRepresents.load("viewer"),
      ctx.loaders.endorsementsByDeliverable.load(d.id),
    ]);
    const done = new Set(signed.map((e) => e.organizationId));
    const ids = (represented?.ids ?? []).filter((id) => !done.has(id));
    return present(await Promise.all(ids.map((id) => ctx.loaders.organizationById.load(id))));
  }

  @FieldResolver(() => [Organization], { description: "Live endorsements the viewer may withdraw" })
  @ViewerDependent()
  async viewerCanWithdrawFor(@Root() d: DeliverableRow, @Ctx() ctx: Context): Promise<OrganizationRow[]> {
    if (!ctx.viewer) return [];
    const [represented, signed] = await Promise.all([
      ctx.loaders.viewerRepresents.load("viewer"),
      ctx.loaders.endorsementsByDeliverable.load(d.id),
    ]);
    const mine = new Set(represented?.ids ?? []);
    const ids = signed.map((e) => e.organizationId).filter((id) => mine.has(id));
    return present(await Promise.all(ids.map((id) => ctx.loaders.organizationById.load(id))));
  }

  @Mutation(() => Deliverable, { description: "Active members; the creator becomes its first editor" })
  createDeliverable(@Arg("input", () => CreateDeliverableInput) input: CreateDeliverableInput, @Ctx() ctx: Context) {
    return ctx.services.deliverable.create(ctx.viewer, {
      ...withoutNulls(input),
      sections: input.sections?.map((s) => withoutNulls(s)),
    });
  }

  @Mutation(() => Deliverable, { description: "Editors, while DRAFT or REVIEW; stale expectedVersion → CONFLICT" })
  updateDeliverable(@Arg("input", () => UpdateDeliverableInput) input: UpdateDeliverableInput, @Ctx() ctx: Context) {
    return ctx.services.document.update(ctx.viewer, withoutNulls(input));
  }

  @Mutation(() => Deliverable, { description: "Editors; CONFLICT when the lifecycle does not allow the move" })
  setDeliverableStatus(
    @Arg("input", () => SetDeliverableStatusInput) input: SetDeliverableStatusInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.document.setStatus(ctx.viewer, input);
  }

  @Mutation(() => Deliverable, { description: "Editors invite an active member of the community" })
  addDeliverableEditor(@Arg("input", () => DeliverableEditorInput) input: DeliverableEditorInput, @Ctx() ctx: Context) {
    return ctx.services.document.addEditor(ctx.viewer, input);
  }

  @Mutation(() => Deliverable, { description: "Editors; the last editor stays" })
  removeDeliverableEditor(
    @Arg("input", () => DeliverableEditorInput) input: DeliverableEditorInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.document.removeEditor(ctx.viewer, input);
  }

  @Mutation(() => Deliverable, { description: "Editors name the co-authoring organisations (the whole list)" })
  setDeliverableOrganizations(
    @Arg("input", () => SetDeliverableOrganizationsInput) input: SetDeliverableOrganizationsInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.document.setOrganizations(ctx.viewer, input);
  }

  @Mutation(() => Deliverable, { description: "Editors, while DRAFT or REVIEW" })
  addSection(@Arg("input", () => AddSectionInput) input: AddSectionInput, @Ctx() ctx: Context) {
    return ctx.services.section.add(ctx.viewer, withoutNulls(input));
  }

  @Mutation(() => Deliverable, { description: "Editors; the section and its history are kept" })
  removeSection(@Arg("input", () => RemoveSectionInput) input: RemoveSectionInput, @Ctx() ctx: Context) {
    return ctx.services.section.remove(ctx.viewer, input);
  }

  @Mutation(() => Deliverable, { description: "Editors; name every section in its new order" })
  reorderSections(@Arg("input", () => ReorderSectionsInput) input: ReorderSectionsInput, @Ctx() ctx: Context) {
    return ctx.services.section.reorder(ctx.viewer, input);
  }

  @Mutation(() => Boolean, {
    description: "Tells the document's viewers you are here (and which section you edit); send every 15 s",
  })
  updatePresence(
    @Arg("deliverableId", () => ID) deliverableId: string,
    @Arg("editingSectionId", () => ID, { nullable: true }) editingSectionId: string | null,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return ctx.services.presence.heartbeat(ctx.viewer, deliverableId, editingSectionId);
  }

  @Mutation(() => Boolean, { description: "Tells the document's viewers you left" })
  leaveDeliverable(@Arg("deliverableId", () => ID) deliverableId: string, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.services.presence.leave(ctx.viewer, deliverableId);
  }
}

@Resolver(() => Community)
export class CommunityDeliverablesResolver {
  @FieldResolver(() => Boolean)
  @ViewerDependent()
  async viewerCanCreateDeliverable(@Root() community: CommunityRow, @Ctx() ctx: Context): Promise<boolean> {
    return canCreateDeliverable(await accessTo(ctx, community));
  }

  @FieldResolver(() => DeliverableConnection, {
    complexity: connectionComplexity,
    description: "Co-authored documents, most recently changed first; drafts for members only",
  })
  @ViewerDependent()
  async deliverables(
    @Root() community: CommunityRow,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    const { page, totalCount } = await ctx.services.deliverable.list(await accessVia(ctx, community.id), {
      first,
      after,
    });
    return toConnection(page, totalCount);
  }
}

@Resolver(() => Presence)
export class PresenceResolver {
  @FieldResolver(() => User)
  user(@Root() p: { userId: string }, @Ctx() { loaders }: Context): Promise<UserRow | null> {
    return loaders.userById.load(p.userId);
  }
}

export const present = <T>(rows: (T | null)[]): T[] => rows.filter((r): r is T => r !== null);
