import type { MembershipApplicationRow, NotificationRow, OrganizationRow } from "@pratica/db";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { Notification } from "../inbox/notification.type.js";
import { Organization } from "../organization/organization.type.js";
import { canReadApplication } from "./membership-application.policy.js";
import { MembershipApplication } from "./membership-application.type.js";

/**
 * What ecosystem news is about, as edges: here rather than in the inbox, which sits below this
 * module and knows no application. The application is re-checked like any edge (an admin who
 * stepped down keeps the notification, not the application).
 */
@Resolver(() => Notification)
export class NotificationApplicationResolver {
  @FieldResolver(() => MembershipApplication, {
    nullable: true,
    description: "The application it is about, if the viewer may read it (its applicant, the admins)",
  })
  @ViewerDependent()
  async application(@Root() n: NotificationRow, @Ctx() ctx: Context): Promise<MembershipApplicationRow | null> {
    if (!n.applicationId) return null;
    const application = await ctx.loaders.membershipApplicationById.load(n.applicationId);
    return application && canReadApplication(ctx.viewer, application) ? application : null;
  }

  // Organisations are public (`organization(slug)` answers anyone, former partners included).
  @FieldResolver(() => Organization, { nullable: true, description: "The organisation it is about" })
  organization(@Root() n: NotificationRow, @Ctx() ctx: Context): Promise<OrganizationRow | null> | null {
    return n.organizationId ? ctx.loaders.organizationById.load(n.organizationId) : null;
  }
}
