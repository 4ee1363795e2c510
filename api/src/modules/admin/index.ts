import { defineModule } from "../../core/module.js";
import { AdminCommunityResolver } from "./admin-community.resolver.js";
import { AdminMemberResolver } from "./admin-member.resolver.js";
import { AdminOrganizationResolver } from "./admin-organization.resolver.js";
import { AuditLogResolver } from "./audit-log.resolver.js";
import { AuditLogService } from "./audit-log.service.js";
import { CommunityAdminService } from "./community-admin.service.js";
import { InvitationResolver } from "./invitation.resolver.js";
import { InvitationService } from "./invitation.service.js";
import { MemberAdminService } from "./member-admin.service.js";
import { OrganizationAdminService } from "./organization-admin.service.js";

declare module "../../core/services.js" {
  interface Services {
    communityAdmin: CommunityAdminService;
    organizationAdmin: OrganizationAdminService;
    invitations: InvitationService;
    memberAdmin: MemberAdminService;
    auditLog: AuditLogService;
  }
}

/**
 * The admin area (docs/administration.md): what platform admins do to communities, organisations
 * and accounts, each action with its audit entry, and the invitations that link representatives
 * and make admins. One module above community, organisation, identity and mail rather than a
 * piece in each: the admin-only gate (`requireAdmin`), the audit log and the invitations are one
 * concern, and community.service.ts stays about members. What other modules must obey (an archived
 * community is read-only) stays in their own policy (community.policy.ts `canWrite`).
 */
export const adminModule = defineModule({
  name: "admin",
  resolvers: [
    AdminCommunityResolver,
    AdminOrganizationResolver,
    AdminMemberResolver,
    InvitationResolver,
    AuditLogResolver,
  ],
  services: ({ db, mail, sessions, identity }) => ({
    communityAdmin: new CommunityAdminService(db),
    organizationAdmin: new OrganizationAdminService(db),
    invitations: new InvitationService(db, mail, sessions),
    memberAdmin: new MemberAdminService(db, (userId, by) => identity.sendPasswordResetLink(userId, by)),
    auditLog: new AuditLogService(db),
  }),
});
