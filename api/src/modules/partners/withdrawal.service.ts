import {
  type Database,
  type Executor,
  type OrganizationRow,
  organizationMembers,
  organizations,
  users,
} from "@pratica/db";
import { and, eq, isNull } from "drizzle-orm";
import { recordAudit } from "../../core/audit.js";
import { conflict, notFound } from "../../core/errors.js";
import { unitOfWork } from "../../core/unit-of-work.js";
import { parseInput, withoutNulls } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import type { NotificationService } from "../notification/notification.service.js";
import type { ObservatoryService } from "../observatory/observatory.service.js";
import { canWithdraw, isFormerPartner, requireRepresentativeOrAdmin } from "./partners.policy.js";
import { withdrawOrganizationRules } from "./partners.rules.js";

/** YYYY-MM-DD of an instant, in UTC (the memorandum's dates are days, not instants). */
const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/**
 * An organisation withdraws from the memorandum (docs/partners.md, "Former partners"): it is
 * kept, with its history, and shown as a former partner from that day. An organisation has no row
 * lock of its own (as organization-admin.service.ts): the write is one conditional statement
 * (`WHERE updated_at = expected AND withdrawn_on IS NULL`), which PostgreSQL applies atomically,
 * so two withdrawals at once cannot both pass.
 */
export class WithdrawalService {
  constructor(
    private readonly db: Database,
    private readonly notifications: NotificationService,
    private readonly observatory: ObservatoryService,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async withdraw(viewer: Viewer | null, raw: object): Promise<OrganizationRow> {
    if (!viewer) requireRepresentativeOrAdmin(viewer, null);
    const input = parseInput(withdrawOrganizationRules, withoutNulls(raw));
    return unitOfWork(this.db, async (work) => {
      const { tx } = work;
      const before = await byId(tx, input.organizationId);
      const role = await roleOf(tx, before.id, viewer.id);
      requireRepresentativeOrAdmin(viewer, role);
      if (isFormerPartner(before)) {
        throw conflict("This organisation has already withdrawn from the memorandum.", { organization: before });
      }
      if (!canWithdraw(viewer, role, before)) throw new Error("withdrawal policy and checks disagree");
      const now = this.clock();
      const [after] = await tx
        .update(organizations)
        .set({ withdrawnOn: dayOf(now), withdrawalReason: input.reason, updatedAt: now })
        .where(
          and(
            eq(organizations.id, before.id),
            eq(organizations.updatedAt, input.expectedUpdatedAt),
            isNull(organizations.withdrawnOn),
          ),
        )
        .returning();
      if (!after) {
        throw conflict("Someone changed this organisation since you opened it. Review it and try again.", {
          organization: await byId(tx, before.id),
        });
      }
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "organization.withdraw",
        targetKind: "organization",
        targetId: after.id,
        before: { withdrawnOn: null },
        after: { withdrawnOn: after.withdrawnOn, reason: input.reason },
      });
      const created = await this.notifications.forOrganization(tx, {
        kind: "ORGANIZATION_WITHDRAWN",
        userIds: await toldOfWithdrawal(tx, after.id),
        actorId: viewer.id,
        organizationId: after.id,
        excerpt: after.name || after.nameIt,
      });
      work.afterCommit(() => this.notifications.publish(created));
      this.observatory.requestRefresh(work);
      return after;
    });
  }
}

async function byId(tx: Executor, id: string): Promise<OrganizationRow> {
  const [row] = await tx.select().from(organizations).where(eq(organizations.id, id)).limit(1);
  if (!row) throw notFound("Organization");
  return row;
}

async function roleOf(tx: Executor, organizationId: string, userId: string) {
  const [row] = await tx
    .select({ role: organizationMembers.role })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)))
    .limit(1);
  return row ?? null;
}

/** The platform admins and the organisation's representatives (the actor is left out by the notification service). */
async function toldOfWithdrawal(tx: Executor, organizationId: string): Promise<Set<string>> {
  const [admins, representatives] = await Promise.all([
    tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, "ADMIN"), isNull(users.deletedAt))),
    tx
      .select({ id: organizationMembers.userId })
      .from(organizationMembers)
      .where(
        and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.role, "REPRESENTATIVE")),
      ),
  ]);
  return new Set([...admins, ...representatives].map((r) => r.id));
}
