import type {
  ApplicationTransitionRow,
  CommunityRow,
  MembershipApplicationRow,
  OrganizationRow,
  UserRow,
} from "@pratica/db";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { localized } from "../../core/localized.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { Community } from "../community/community.type.js";
import { User } from "../identity/user.type.js";
import { Organization } from "../organization/organization.type.js";
import { Sdg, type SdgValue, sdgsOf, Theme, type ThemeValue, themesOf } from "../organization/vocabulary.type.js";
import { canDecide, canEdit, canWithdraw } from "./membership-application.policy.js";
import { ApplicationStep, MembershipApplication } from "./membership-application.type.js";

/**
 * An application's names, vocabulary and edges. Every root here was reached through the read rule
 * (the queries, the mutations, `Notification.application`), so the edges need no check of their
 * own but their targets' (communities are public, as `community(slug)`; an organisation too).
 */
@Resolver(() => MembershipApplication)
export class ApplicationFieldsResolver {
  @FieldResolver(() => String, { description: "In the caller's language, else the other" })
  name(@Root() a: MembershipApplicationRow, @Ctx() ctx: Context): string {
    return localized(ctx.caller.locale, { en: a.name, it: a.nameIt }) ?? a.name;
  }

  @FieldResolver(() => String)
  nameEn(@Root() a: MembershipApplicationRow): string {
    return a.name;
  }

  @FieldResolver(() => String, { nullable: true })
  nameIt(@Root() a: MembershipApplicationRow): string | null {
    return a.nameIt || null;
  }

  @FieldResolver(() => String)
  descriptionEn(@Root() a: MembershipApplicationRow): string {
    return a.description;
  }

  @FieldResolver(() => String, { nullable: true })
  descriptionIt(@Root() a: MembershipApplicationRow): string | null {
    return a.descriptionIt || null;
  }

  @FieldResolver(() => [Theme])
  themes(@Root() a: MembershipApplicationRow): ThemeValue[] {
    return themesOf(a.themes);
  }

  @FieldResolver(() => [Sdg])
  sdgs(@Root() a: MembershipApplicationRow): SdgValue[] {
    return sdgsOf(a.sdgs);
  }

  @FieldResolver(() => [Community], { description: "The communities it is interested in (archived ones left out)" })
  async communities(@Root() a: MembershipApplicationRow, @Ctx() ctx: Context): Promise<CommunityRow[]> {
    const rows = await ctx.loaders.communityById.loadMany(a.communityIds);
    return rows.filter((c): c is CommunityRow => !!c && !(c instanceof Error) && c.archivedAt === null);
  }

  @FieldResolver(() => User, { nullable: true, description: "Null once the account is deleted" })
  applicant(@Root() a: MembershipApplicationRow, @Ctx() ctx: Context): Promise<UserRow | null> | null {
    return a.applicantId ? ctx.loaders.userById.load(a.applicantId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The partner created on acceptance" })
  organization(@Root() a: MembershipApplicationRow, @Ctx() ctx: Context): Promise<OrganizationRow | null> | null {
    return a.organizationId ? ctx.loaders.organizationById.load(a.organizationId) : null;
  }

  @FieldResolver(() => [ApplicationStep], { description: "Every step, oldest first" })
  history(@Root() a: MembershipApplicationRow, @Ctx() ctx: Context): Promise<ApplicationTransitionRow[]> {
    return ctx.loaders.applicationStepsByApplication.load(a.id);
  }

  @FieldResolver(() => Boolean, { description: "A platform admin, while it is open" })
  @ViewerDependent()
  viewerCanDecide(@Root() a: MembershipApplicationRow, @Ctx() ctx: Context): boolean {
    return canDecide(ctx.viewer, a);
  }

  @FieldResolver(() => Boolean, { description: "Its applicant, while it is open" })
  @ViewerDependent()
  viewerCanEdit(@Root() a: MembershipApplicationRow, @Ctx() ctx: Context): boolean {
    return canEdit(ctx.viewer, a);
  }

  @FieldResolver(() => Boolean, { description: "Its applicant, while it is open" })
  @ViewerDependent()
  viewerCanWithdraw(@Root() a: MembershipApplicationRow, @Ctx() ctx: Context): boolean {
    return canWithdraw(ctx.viewer, a);
  }
}

@Resolver(() => ApplicationStep)
export class ApplicationStepResolver {
  @FieldResolver(() => User, { nullable: true, description: "Who took the step; null once the account is gone" })
  actor(@Root() t: ApplicationTransitionRow, @Ctx() ctx: Context): Promise<UserRow | null> | null {
    return t.actorId ? ctx.loaders.userById.load(t.actorId) : null;
  }
}
