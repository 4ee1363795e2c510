import {
  type Database,
  type Executor,
  type OrganizationMemberRow,
  type OrganizationRow,
  organizationMembers,
  organizations,
} from "@pratica/db";
import { and, asc, eq } from "drizzle-orm";
import { recordAudit } from "../../core/audit.js";
import { badInput, conflict, notFound } from "../../core/errors.js";
import { isUuid } from "../../core/ids.js";
import { unitOfWork } from "../../core/unit-of-work.js";
import { parseInput, withoutNulls } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import { requireAdmin } from "./admin.policy.js";
import { createOrganizationRules, updateOrganizationRules } from "./admin.rules.js";
import { isUniqueViolation } from "./unique.js";

const columns = (input: ReturnType<typeof createOrganizationRules.parse>) => ({
  slug: input.slug,
  name: input.nameEn,
  nameIt: input.nameIt,
  description: input.descriptionEn,
  descriptionIt: input.descriptionIt,
  category: input.category,
  website: input.website,
  address: input.address,
  latitude: input.latitude,
  longitude: input.longitude,
  memorandumSignedOn: input.memorandumSignedOn,
  // Left out, these stay as they are (an edit from a form that does not show them keeps them).
  ...(input.district !== undefined ? { district: input.district } : {}),
  ...(input.themes !== undefined ? { themes: input.themes } : {}),
  ...(input.sdgs !== undefined ? { sdgs: input.sdgs } : {}),
});

const audited = (o: OrganizationRow) => {
  const { id: _id, createdAt: _created, ...rest } = o;
  return rest;
};

/**
 * Partner organisations as platform admins keep them: create, edit (both languages, category,
 * website, address, coordinates, memorandum date), and unlink representatives (linking is an
 * invitation, invitation.service.ts). An organisation has no row lock of its own: each write is
 * one conditional statement (`WHERE updated_at = expected`), which PostgreSQL applies atomically.
 */
export class OrganizationAdminService {
  constructor(private readonly db: Database) {}

  async create(viewer: Viewer | null, raw: object): Promise<OrganizationRow> {
    requireAdmin(viewer);
    const input = parseInput(createOrganizationRules, withoutNulls(raw));
    return unitOfWork(this.db, async ({ tx }) => {
      const [created] = await tx.insert(organizations).values(columns(input)).onConflictDoNothing().returning();
      if (!created) throw slugTaken();
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "organization.create",
        targetKind: "organization",
        targetId: created.id,
        after: audited(created),
      });
      return created;
    });
  }

  async update(viewer: Viewer | null, raw: object): Promise<OrganizationRow> {
    requireAdmin(viewer);
    const input = parseInput(updateOrganizationRules, withoutNulls(raw));
    return unitOfWork(this.db, async ({ tx }) => {
      const before = await this.byId(tx, input.id);
      if (input.slug !== before.slug && (await this.slugInUse(tx, input.slug))) throw slugTaken();
      const [after] = await tx
        .update(organizations)
        .set({ ...columns(input), updatedAt: new Date() })
        .where(and(eq(organizations.id, before.id), eq(organizations.updatedAt, input.expectedUpdatedAt)))
        .returning()
        .catch((error: unknown) => {
          throw isUniqueViolation(error) ? slugTaken() : error;
        });
      if (!after) {
        throw conflict("Someone else saved this organisation since you opened it. Review their version.", {
          organization: await this.byId(tx, input.id),
        });
      }
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "organization.update",
        targetKind: "organization",
        targetId: after.id,
        before: audited(before),
        after: audited(after),
      });
      return after;
    });
  }

  /** The organisation's representatives, oldest first: admins only. */
  representatives(viewer: Viewer | null, organizationId: string): Promise<OrganizationMemberRow[]> {
    requireAdmin(viewer);
    return this.db
      .select()
      .from(organizationMembers)
      .where(
        and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.role, "REPRESENTATIVE")),
      )
      .orderBy(asc(organizationMembers.createdAt));
  }

  /** Unlinks a representative (the account stays; so does what they endorsed on the organisation's behalf). */
  async removeRepresentative(viewer: Viewer | null, organizationId: string, userId: string): Promise<void> {
    requireAdmin(viewer);
    if (!isUuid(organizationId) || !isUuid(userId)) throw notFound("Representative");
    await unitOfWork(this.db, async ({ tx }) => {
      const [removed] = await tx
        .delete(organizationMembers)
        .where(
          and(
            eq(organizationMembers.organizationId, organizationId),
            eq(organizationMembers.userId, userId),
            eq(organizationMembers.role, "REPRESENTATIVE"),
          ),
        )
        .returning();
      if (!removed) throw conflict("This person is not a representative of this organisation.");
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "organization.remove_representative",
        targetKind: "organization",
        targetId: organizationId,
        before: { userId, role: removed.role },
        after: null,
      });
    });
  }

  private async byId(tx: Executor, id: string): Promise<OrganizationRow> {
    const [row] = await tx.select().from(organizations).where(eq(organizations.id, id)).limit(1);
    if (!row) throw notFound("Organization");
    return row;
  }

  private async slugInUse(tx: Executor, slug: string) {
    const [row] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.slug, slug))
      .limit(1);
    return row !== undefined;
  }
}

const slugTaken = () => badInput("slug", "Another organisation already uses this slug. Choose another.");
