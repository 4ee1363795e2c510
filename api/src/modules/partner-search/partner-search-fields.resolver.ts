import type {
  CommunityRow,
  DeliverableRow,
  OrganizationRow,
  PartnerInterestRow,
  PartnerSearchRow,
  ThreadRow,
  UserRow,
} from "@pratica/db";
import { Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { Community } from "../community/community.type.js";
import { Deliverable } from "../deliverable/deliverable.type.js";
import { User } from "../identity/user.type.js";
import { Organization } from "../organization/organization.type.js";
import { Thread } from "../thread/thread.type.js";
import { spaceOf } from "./consortium-space.service.js";
import {
  canDecideInterest,
  canEditSearch,
  canReadInterest,
  canReadSearch,
  canWithdrawInterest,
  interestCandidates,
  isPersonOf,
  takesInterest,
} from "./partner-search.policy.js";
import { ConsortiumSpace, PartnerInterest, PartnerSearch } from "./partner-search.type.js";
import { viewerStanding } from "./viewer-standing.js";

const required = <T>(row: T | null | undefined, what: string): T => {
  if (!row) throw new Error(`${what} missing`);
  return row;
};

/** A search's edges and the viewer's abilities (the rules: partner-search.policy.ts). */
@Resolver(() => PartnerSearch)
export class PartnerSearchFieldsResolver {
  @FieldResolver(() => Organization, { description: "The publishing organisation" })
  async organization(@Root() s: PartnerSearchRow, @Ctx() ctx: Context): Promise<OrganizationRow> {
    return required(await ctx.loaders.organizationById.load(s.organizationId), "organisation");
  }

  @FieldResolver(() => User, { nullable: true, description: "Who published it (null once their account is gone)" })
  async author(@Root() s: PartnerSearchRow, @Ctx() ctx: Context): Promise<UserRow | null> {
    return s.authorId ? ((await ctx.loaders.userById.load(s.authorId)) as UserRow | null) : null;
  }

  @FieldResolver(() => Int, { description: "Interests still standing (pending or confirmed): public" })
  async interestCount(@Root() s: PartnerSearchRow, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.standingInterestCount.load(s.id))?.n ?? 0;
  }

  @FieldResolver(() => [PartnerInterest], {
    description: "The publisher's people: all; an interested organisation's people: their own; anyone else: none",
  })
  @ViewerDependent()
  async interests(@Root() s: PartnerSearchRow, @Ctx() ctx: Context): Promise<PartnerInterestRow[]> {
    const [standing, all] = await Promise.all([viewerStanding(ctx), ctx.loaders.interestsBySearch.load(s.id)]);
    return all.filter((i) => canReadInterest(standing, s, i));
  }

  @FieldResolver(() => PartnerInterest, {
    nullable: true,
    description: "The interest of an organisation the viewer belongs to",
  })
  @ViewerDependent()
  async viewerInterest(@Root() s: PartnerSearchRow, @Ctx() ctx: Context): Promise<PartnerInterestRow | null> {
    const [standing, all] = await Promise.all([viewerStanding(ctx), ctx.loaders.interestsBySearch.load(s.id)]);
    return all.find((i) => isPersonOf(standing, i.organizationId)) ?? null;
  }

  @FieldResolver(() => ConsortiumSpace, {
    nullable: true,
    description: "The private space: null unless the viewer is an active member of it",
  })
  @ViewerDependent()
  async space(@Root() s: PartnerSearchRow, @Ctx() ctx: Context): Promise<ConsortiumSpace | null> {
    const space = spaceOf(s);
    if (!space || !ctx.viewer) return null;
    const membership = await ctx.loaders.viewerMembership.load(space.communityId);
    return membership?.status === "ACTIVE" && !membership.suspendedUntil ? space : null;
  }

  @FieldResolver(() => Boolean, { description: "The publisher's representatives, while it is OPEN" })
  @ViewerDependent()
  async viewerCanEdit(@Root() s: PartnerSearchRow, @Ctx() ctx: Context): Promise<boolean> {
    const [standing, publisher] = await Promise.all([
      viewerStanding(ctx),
      ctx.loaders.organizationById.load(s.organizationId),
    ]);
    return publisher !== null && canEditSearch(ctx.viewer, standing, s, publisher);
  }

  @FieldResolver(() => Boolean, {
    description:
      "Whether the viewer represents another current partner that has not expressed interest yet, while it takes interest",
  })
  @ViewerDependent()
  async viewerCanExpressInterest(@Root() s: PartnerSearchRow, @Ctx() ctx: Context): Promise<boolean> {
    if (!ctx.viewer) return false;
    const [standing, call, all] = await Promise.all([
      viewerStanding(ctx),
      ctx.loaders.fundingCallById.load(s.callId),
      ctx.loaders.interestsBySearch.load(s.id),
    ]);
    if (!call || !takesInterest(s, call)) return false;
    const mine = standing.filter((m) => m.role === "REPRESENTATIVE").map((m) => m.organizationId);
    const orgs = (await ctx.loaders.organizationById.loadMany(mine)).filter(
      (o): o is OrganizationRow => o !== null && !(o instanceof Error),
    );
    return (
      interestCandidates(
        standing,
        s,
        orgs,
        all.map((i) => i.organizationId),
      ).length > 0
    );
  }

  @FieldResolver(() => Boolean, {
    description: "The publisher's representatives, while it is OPEN and an interest is pending",
  })
  @ViewerDependent()
  async viewerCanDecide(@Root() s: PartnerSearchRow, @Ctx() ctx: Context): Promise<boolean> {
    const [standing, all] = await Promise.all([viewerStanding(ctx), ctx.loaders.interestsBySearch.load(s.id)]);
    return all.some((i) => canDecideInterest(standing, s, i));
  }
}

/** An interest's edges; reached only through edges that already applied its read rule. */
@Resolver(() => PartnerInterest)
export class PartnerInterestFieldsResolver {
  @FieldResolver(() => PartnerSearch)
  async search(@Root() i: PartnerInterestRow, @Ctx() ctx: Context): Promise<PartnerSearchRow> {
    return required(await ctx.loaders.partnerSearchById.load(i.searchId), "partner search");
  }

  @FieldResolver(() => Organization, { description: "The interested organisation" })
  async organization(@Root() i: PartnerInterestRow, @Ctx() ctx: Context): Promise<OrganizationRow> {
    return required(await ctx.loaders.organizationById.load(i.organizationId), "organisation");
  }

  @FieldResolver(() => User, { nullable: true, description: "Who expressed it" })
  async user(@Root() i: PartnerInterestRow, @Ctx() ctx: Context): Promise<UserRow | null> {
    return i.userId ? ((await ctx.loaders.userById.load(i.userId)) as UserRow | null) : null;
  }

  @FieldResolver(() => Boolean, {
    description: "The publisher's representatives, while it is PENDING and the search OPEN",
  })
  @ViewerDependent()
  async viewerCanDecide(@Root() i: PartnerInterestRow, @Ctx() ctx: Context): Promise<boolean> {
    const [standing, s] = await Promise.all([viewerStanding(ctx), ctx.loaders.partnerSearchById.load(i.searchId)]);
    return s !== null && canDecideInterest(standing, s, i);
  }

  @FieldResolver(() => Boolean, {
    description: "The interested organisation's representatives, while PENDING or CONFIRMED",
  })
  @ViewerDependent()
  async viewerCanWithdraw(@Root() i: PartnerInterestRow, @Ctx() ctx: Context): Promise<boolean> {
    return canWithdrawInterest(await viewerStanding(ctx), i);
  }
}

/** The space's parts: only reached by its members (PartnerSearch.space checks it). */
@Resolver(() => ConsortiumSpace)
export class ConsortiumSpaceResolver {
  @FieldResolver(() => Community)
  async community(@Root() s: ConsortiumSpace, @Ctx() ctx: Context): Promise<CommunityRow> {
    return required(await ctx.loaders.communityById.load(s.communityId), "community");
  }

  @FieldResolver(() => Thread)
  async thread(@Root() s: ConsortiumSpace, @Ctx() ctx: Context): Promise<ThreadRow> {
    return required(await ctx.loaders.threadById.load(s.threadId), "thread");
  }

  @FieldResolver(() => Deliverable)
  async proposal(@Root() s: ConsortiumSpace, @Ctx() ctx: Context): Promise<DeliverableRow> {
    return required(await ctx.loaders.deliverableById.load(s.deliverableId), "deliverable");
  }
}

/** Whether the viewer may read this search at all (Query.partnerSearch, the notification edge). */
export async function readableSearch(ctx: Context, s: PartnerSearchRow | null): Promise<PartnerSearchRow | null> {
  if (!s) return null;
  if (s.status !== "WITHDRAWN") return s;
  const [standing, all] = await Promise.all([viewerStanding(ctx), ctx.loaders.interestsBySearch.load(s.id)]);
  return canReadSearch(
    standing,
    s,
    all.map((i) => i.organizationId),
  )
    ? s
    : null;
}
