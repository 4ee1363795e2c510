import type { CommunityRow, ResourceDecisionRow, ResourceRow, UserRow } from "@pratica/db";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { connectionComplexity, toConnection } from "../../core/connection.type.js";
import type { Context } from "../../core/context.js";
import { forbidden, unauthenticated } from "../../core/errors.js";
import { withoutNulls } from "../../core/validate.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { accessTo, accessVia } from "../community/community.access.js";
import { canRead } from "../community/community.policy.js";
import { Community } from "../community/community.type.js";
import { User } from "../identity/user.type.js";
import { DecideResourceInput, EditResourceInput, ProposeResourceInput } from "./resource.input.js";
import { canCurate, canEditResource, canPropose, canSeeDecisions, canUseResource } from "./resource.policy.js";
import {
  LibrarySort,
  Resource,
  ResourceConnection,
  ResourceDecisionRecord,
  ResourceKind,
  ResourceLanguage,
  ResourceStatus,
} from "./resource.type.js";

@Resolver(() => Resource)
export class ResourceResolver {
  @Query(() => Resource, { nullable: true, description: "NOT_FOUND for unpublished material the viewer may not see" })
  async resource(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<ResourceRow> {
    return (await ctx.services.resource.visible(ctx.viewer, id)).resource;
  }

  @FieldResolver(() => Community)
  community(@Root() r: ResourceRow, @Ctx() { loaders }: Context): Promise<CommunityRow | null> {
    return loaders.communityById.load(r.communityId);
  }

  @FieldResolver(() => User)
  proposer(@Root() r: ResourceRow, @Ctx() { loaders }: Context): Promise<UserRow | null> {
    return loaders.userById.load(r.proposerId);
  }

  @FieldResolver(() => [ResourceDecisionRecord], {
    description: "The curation history; the proposer and facilitators only",
  })
  @ViewerDependent()
  async decisions(@Root() r: ResourceRow, @Ctx() ctx: Context): Promise<ResourceDecisionRow[]> {
    const access = await accessVia(ctx, r.communityId);
    return canSeeDecisions(access, r) ? ctx.loaders.decisionsByResource.load(r.id) : [];
  }

  @FieldResolver(() => Boolean)
  @ViewerDependent()
  async viewerBookmarked(@Root() r: ResourceRow, @Ctx() { loaders }: Context): Promise<boolean> {
    return (await loaders.viewerBookmark.load(r.id)) !== null;
  }

  @FieldResolver(() => Boolean)
  @ViewerDependent()
  async viewerFoundHelpful(@Root() r: ResourceRow, @Ctx() { loaders }: Context): Promise<boolean> {
    return (await loaders.viewerVote.load(r.id)) !== null;
  }

  @FieldResolver(() => Boolean)
  @ViewerDependent()
  async viewerCanEdit(@Root() r: ResourceRow, @Ctx() ctx: Context): Promise<boolean> {
    return canEditResource(await accessVia(ctx, r.communityId), r);
  }

  @FieldResolver(() => Boolean, { description: "May bookmark it and find it helpful" })
  @ViewerDependent()
  async viewerCanUse(@Root() r: ResourceRow, @Ctx() ctx: Context): Promise<boolean> {
    return canUseResource(await accessVia(ctx, r.communityId), r);
  }

  @FieldResolver(() => Boolean, { description: "May publish, feature, ask for changes, reject, archive" })
  @ViewerDependent()
  async viewerCanCurate(@Root() r: ResourceRow, @Ctx() ctx: Context): Promise<boolean> {
    return canCurate(await accessVia(ctx, r.communityId));
  }

  @Mutation(() => Resource, { description: "Active members; starts PROPOSED" })
  proposeResource(
    @Arg("input", () => ProposeResourceInput) input: ProposeResourceInput,
    @Ctx() ctx: Context,
  ): Promise<ResourceRow> {
    return ctx.services.resource.propose(ctx.viewer, input);
  }

  @Mutation(() => Resource, { description: "The proposer, while PROPOSED or CHANGES_REQUESTED (which resubmits it)" })
  editResource(
    @Arg("input", () => EditResourceInput) input: EditResourceInput,
    @Ctx() ctx: Context,
  ): Promise<ResourceRow> {
    return ctx.services.resource.edit(ctx.viewer, withoutNulls(input));
  }

  @Mutation(() => Resource, {
    description: "Facilitators; CONFLICT when the workflow does not allow it from the current status",
  })
  decideResource(
    @Arg("input", () => DecideResourceInput) input: DecideResourceInput,
    @Ctx() ctx: Context,
  ): Promise<ResourceRow> {
    return ctx.services.resource.decide(ctx.viewer, input);
  }

  @Mutation(() => Resource, { description: "Idempotent" })
  setResourceBookmark(
    @Arg("resourceId", () => ID) resourceId: string,
    @Arg("bookmarked", () => Boolean) bookmarked: boolean,
    @Ctx() ctx: Context,
  ): Promise<ResourceRow> {
    return ctx.services.resource.setBookmark(ctx.viewer, resourceId, bookmarked);
  }

  @Mutation(() => Resource, { description: "One vote per member; idempotent" })
  setResourceHelpful(
    @Arg("resourceId", () => ID) resourceId: string,
    @Arg("helpful", () => Boolean) helpful: boolean,
    @Ctx() ctx: Context,
  ): Promise<ResourceRow> {
    return ctx.services.resource.setHelpful(ctx.viewer, resourceId, helpful);
  }
}

@Resolver(() => Community)
export class CommunityLibraryResolver {
  @FieldResolver(() => Boolean, { description: "Decides on proposed library material" })
  @ViewerDependent()
  async viewerCanCurate(@Root() community: CommunityRow, @Ctx() ctx: Context): Promise<boolean> {
    return canCurate(await accessTo(ctx, community));
  }

  @FieldResolver(() => Boolean)
  @ViewerDependent()
  async viewerCanProposeResource(@Root() community: CommunityRow, @Ctx() ctx: Context): Promise<boolean> {
    return canPropose(await accessTo(ctx, community));
  }

  @FieldResolver(() => ResourceConnection, {
    complexity: connectionComplexity,
    description: "The library: published material by default; facilitators may ask for another status",
  })
  @ViewerDependent()
  async resources(
    @Root() community: CommunityRow,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("kind", () => ResourceKind, { nullable: true }) kind: ResourceKind | null,
    @Arg("language", () => ResourceLanguage, { nullable: true }) language: ResourceLanguage | null,
    @Arg("tag", () => String, { nullable: true }) tag: string | null,
    @Arg("status", () => ResourceStatus, { nullable: true }) status: ResourceStatus | null,
    @Arg("sort", () => LibrarySort, { nullable: true, defaultValue: LibrarySort.FEATURED_HELPFUL }) sort: LibrarySort,
    @Ctx() ctx: Context,
  ) {
    const access = await accessVia(ctx, community.id);
    // The library of a members-only community is its members' (and admins'), like each resource in it.
    if (!canRead(access.community, access.viewer, access.membership))
      throw ctx.viewer ? forbidden("Only members of this community can see its library.") : unauthenticated();
    const { page, totalCount } = await ctx.services.resource.list(access, {
      first,
      after,
      kind,
      language,
      tag,
      status,
      sort,
    });
    return toConnection(page, totalCount);
  }
}

@Resolver(() => ResourceDecisionRecord)
export class ResourceDecisionRecordResolver {
  @FieldResolver(() => User, { description: "The facilitator who decided, or the proposer who resubmitted" })
  actor(@Root() d: ResourceDecisionRow, @Ctx() { loaders }: Context): UserRow | null | Promise<UserRow | null> {
    return loaders.userById.loadNow(d.actorId);
  }
}
