import type { CommunityRow, DeliverableRow, OrganizationRow, UserRow } from "@pratica/db";
import { Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { accessTo } from "../community/community.access.js";
import { canRead } from "../community/community.policy.js";
import { Community } from "../community/community.type.js";
import { deliverableAccessVia } from "../deliverable/deliverable.access.js";
import { canSeeDeliverable } from "../deliverable/deliverable.policy.js";
import { Deliverable } from "../deliverable/deliverable.type.js";
import { User } from "../identity/user.type.js";
import { Organization } from "../organization/organization.type.js";
import {
  canInviteMembers,
  canSeeRepresentatives,
  canWithdraw,
  isFormerPartner,
  isRepresentative,
} from "./partners.policy.js";
import { Sdg, Theme } from "./partners.type.js";
import { sdgsOf, themesOf } from "./vocabulary.js";

/** The viewer's role in the organisation (null when none), from the loader of their memberships. */
async function viewerRole(ctx: Context, organizationId: string) {
  if (!ctx.viewer) return null;
  const memberships = await ctx.loaders.organizationMembershipsByUser.load(ctx.viewer.id);
  return memberships.find((m) => m.organizationId === organizationId) ?? null;
}

/**
 * The partner directory's fields of an organisation. Every edge to other objects keeps that
 * object's own read rule: communities and documents the viewer may not read are left out.
 */
@Resolver(() => Organization)
export class OrganizationFieldsResolver {
  @FieldResolver(() => String, { nullable: true, description: "The city district (circoscrizione)" })
  district(@Root() o: OrganizationRow): string | null {
    return o.district;
  }

  @FieldResolver(() => [Theme])
  themes(@Root() o: OrganizationRow, @Ctx() ctx: Context): Theme[] {
    return themesOf(o.themes, ctx.caller.locale);
  }

  @FieldResolver(() => [Sdg], { description: "The 2030 Agenda goals it works on, by number" })
  sdgs(@Root() o: OrganizationRow, @Ctx() ctx: Context): Sdg[] {
    return sdgsOf(o.sdgs, ctx.caller.locale);
  }

  @FieldResolver(() => String, { nullable: true, description: "YYYY-MM-DD it withdrew; null while a partner" })
  withdrawnOn(@Root() o: OrganizationRow): string | null {
    return o.withdrawnOn;
  }

  @FieldResolver(() => Boolean)
  isFormerPartner(@Root() o: OrganizationRow): boolean {
    return isFormerPartner(o);
  }

  @FieldResolver(() => [Community], {
    description: "Where its representatives and members are active members; only communities the viewer may read",
  })
  @ViewerDependent()
  async communities(@Root() o: OrganizationRow, @Ctx() ctx: Context): Promise<CommunityRow[]> {
    const rows = await ctx.loaders.communitiesByOrganization.load(o.id);
    const readable = await Promise.all(
      rows.map(async ({ community }) => {
        const access = await accessTo(ctx, community);
        return canRead(community, ctx.viewer, access.membership) ? community : null;
      }),
    );
    return readable.filter((c): c is CommunityRow => c !== null);
  }

  @FieldResolver(() => [Deliverable], { description: "Documents it co-authored; only those the viewer may read" })
  @ViewerDependent()
  async coAuthoredDocuments(@Root() o: OrganizationRow, @Ctx() ctx: Context): Promise<DeliverableRow[]> {
    return readable(
      ctx,
      (await ctx.loaders.coAuthoredByOrganization.load(o.id)).map((r) => r.deliverable),
    );
  }

  @FieldResolver(() => [Deliverable], { description: "Documents it endorses; only those the viewer may read" })
  @ViewerDependent()
  async endorsedDocuments(@Root() o: OrganizationRow, @Ctx() ctx: Context): Promise<DeliverableRow[]> {
    return readable(
      ctx,
      (await ctx.loaders.endorsedByOrganization.load(o.id)).map((r) => r.deliverable),
    );
  }

  @FieldResolver(() => [User], {
    nullable: true,
    description: "Its representatives (names only); null unless the viewer is signed in and a member of the ecosystem",
  })
  @ViewerDependent()
  async representatives(@Root() o: OrganizationRow, @Ctx() ctx: Context): Promise<UserRow[] | null> {
    const member = ctx.viewer ? await ctx.loaders.viewerIsEcosystemMember.load("viewer") : false;
    if (!canSeeRepresentatives(ctx.viewer, member)) return null;
    return (await ctx.loaders.representativesByOrganization.load(o.id)).map((r) => r.user as UserRow);
  }

  @FieldResolver(() => Int, { description: "People linked to it: representatives and members" })
  async memberCount(@Root() o: OrganizationRow, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.organizationMemberCount.load(o.id))?.count ?? 0;
  }

  @FieldResolver(() => Boolean)
  @ViewerDependent()
  async viewerIsRepresentative(@Root() o: OrganizationRow, @Ctx() ctx: Context): Promise<boolean> {
    return isRepresentative(await viewerRole(ctx, o.id));
  }

  @FieldResolver(() => Boolean, { description: "A representative or an admin, while a partner" })
  @ViewerDependent()
  async viewerCanWithdraw(@Root() o: OrganizationRow, @Ctx() ctx: Context): Promise<boolean> {
    return canWithdraw(ctx.viewer, await viewerRole(ctx, o.id), o);
  }

  @FieldResolver(() => Boolean, { description: "A representative or an admin, while a partner" })
  @ViewerDependent()
  async viewerCanInviteMembers(@Root() o: OrganizationRow, @Ctx() ctx: Context): Promise<boolean> {
    return canInviteMembers(ctx.viewer, await viewerRole(ctx, o.id), o);
  }
}

async function readable(ctx: Context, documents: DeliverableRow[]): Promise<DeliverableRow[]> {
  const seen = await Promise.all(
    documents.map(async (d) => (canSeeDeliverable(await deliverableAccessVia(ctx, d), d) ? d : null)),
  );
  return seen.filter((d): d is DeliverableRow => d !== null);
}
