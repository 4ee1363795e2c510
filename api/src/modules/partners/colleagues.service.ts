import { type Database, organizationMembers, organizations } from "@pratica/db";
import { and, eq } from "drizzle-orm";
import type { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { conflict, notFound, rateLimited } from "../../core/errors.js";
import { unitOfWork } from "../../core/unit-of-work.js";
import { parseInput, withoutNulls } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import type { InvitationService } from "../admin/invitation.service.js";
import { canInviteMembers, isFormerPartner, requireRepresentativeOrAdmin } from "./partners.policy.js";
import { inviteOrganizationMemberRules } from "./partners.rules.js";

/** Invitations one person may send per hour: a team's worth, not a mailing list. */
export const MEMBER_INVITATIONS_PER_HOUR = 20;

/**
 * A representative invites colleagues as members of the organisation (docs/partners.md,
 * "Colleagues"): the rule is here (partners.policy.ts), the token and the email are the
 * invitations' own (admin/invitation.service.ts). Counted per inviter, in Redis when there are
 * many api instances, so the limit holds across them.
 */
export class ColleagueService {
  private readonly limiter: RateLimiterAbstract;

  constructor(
    private readonly db: Database,
    private readonly invitations: InvitationService,
    redis?: Redis,
  ) {
    const budget = { points: MEMBER_INVITATIONS_PER_HOUR, duration: 3600 };
    this.limiter = redis
      ? new RateLimiterRedis({ storeClient: redis, keyPrefix: "invite-member", ...budget })
      : new RateLimiterMemory({ keyPrefix: "invite-member", ...budget });
  }

  async invite(viewer: Viewer | null, raw: object): Promise<void> {
    if (!viewer) requireRepresentativeOrAdmin(viewer, null);
    const input = parseInput(inviteOrganizationMemberRules, withoutNulls(raw));
    await unitOfWork(this.db, async (work) => {
      const { tx } = work;
      const [organization] = await tx
        .select()
        .from(organizations)
        .where(eq(organizations.id, input.organizationId))
        .limit(1);
      if (!organization) throw notFound("Organization");
      const [role] = await tx
        .select({ role: organizationMembers.role })
        .from(organizationMembers)
        .where(and(eq(organizationMembers.organizationId, organization.id), eq(organizationMembers.userId, viewer.id)))
        .limit(1);
      requireRepresentativeOrAdmin(viewer, role);
      if (isFormerPartner(organization)) {
        throw conflict("A former partner no longer invites colleagues.", { withdrawnOn: organization.withdrawnOn });
      }
      if (!canInviteMembers(viewer, role, organization)) throw new Error("invitation policy and checks disagree");
      // Counted only once the invitation is allowed: refusals spend no one's budget.
      await this.limiter.consume(viewer.id).catch((res: unknown) => {
        if (res instanceof RateLimiterRes) {
          throw rateLimited("Too many invitations: try again later.", Math.ceil(res.msBeforeNext / 1000));
        }
        throw res;
      });
      await this.invitations.inviteMember(work, {
        organization,
        email: input.email,
        locale: input.locale,
        inviterId: viewer.id,
      });
    });
  }
}
