import { type CommunityRow, communities, type Database, type Executor } from "@pratica/db";
import { asc, eq } from "drizzle-orm";
import { recordAudit } from "../../core/audit.js";
import { badInput, conflict, notFound } from "../../core/errors.js";
import { isUuid } from "../../core/ids.js";
import { unitOfWork } from "../../core/unit-of-work.js";
import { parseInput, withoutNulls } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import { isArchived } from "../community/community.policy.js";
import { communityLock } from "../community/community.service.js";
import { requireAdmin } from "./admin.policy.js";
import { createCommunityRules, updateCommunityRules } from "./admin.rules.js";
import { isUniqueViolation } from "./unique.js";

/** The columns an admin edits, from the form's names (the English texts are the plain columns). */
const columns = (input: ReturnType<typeof createCommunityRules.parse>) => ({
  slug: input.slug,
  name: input.nameEn,
  nameIt: input.nameIt,
  tagline: input.taglineEn,
  taglineIt: input.taglineIt,
  description: input.descriptionEn,
  descriptionIt: input.descriptionIt,
  color: input.color,
  visibility: input.visibility,
  joinPolicy: input.joinPolicy,
  // Left out, the themes stay as they are (an edit from a form that does not show them keeps them).
  ...(input.themes !== undefined ? { themes: input.themes } : {}),
});

/** What the audit log keeps of a community: what an admin can change. */
const audited = (c: CommunityRow) => {
  const { id: _id, createdAt: _created, ...rest } = c;
  return rest;
};

/**
 * Communities as platform admins run them: create, edit in both languages, archive. Every action
 * is one unit of work with its audit entry; edits and archiving take the community's lock
 * (`communityLock`, first in the lock order) so they serialise with membership changes.
 */
export class CommunityAdminService {
  constructor(private readonly db: Database) {}

  /** Every community, archived ones included, by English name. */
  list(viewer: Viewer | null): Promise<CommunityRow[]> {
    requireAdmin(viewer);
    // Consortium spaces (partner-search module) are the consortium's own, not the platform's communities to run.
    return this.db.select().from(communities).where(eq(communities.kind, "PRACTICE")).orderBy(asc(communities.name));
  }

  async create(viewer: Viewer | null, raw: object): Promise<CommunityRow> {
    requireAdmin(viewer);
    const input = parseInput(createCommunityRules, withoutNulls(raw));
    return unitOfWork(this.db, async ({ tx }) => {
      const [created] = await tx.insert(communities).values(columns(input)).onConflictDoNothing().returning();
      if (!created) throw slugTaken();
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "community.create",
        targetKind: "community",
        targetId: created.id,
        after: audited(created),
      });
      return created;
    });
  }

  /** An edit started from `expectedUpdatedAt`; someone else's newer save is a CONFLICT carrying it. */
  async update(viewer: Viewer | null, raw: object): Promise<CommunityRow> {
    requireAdmin(viewer);
    const input = parseInput(updateCommunityRules, withoutNulls(raw));
    return unitOfWork(this.db, async ({ tx, lock }) => {
      const before = await lock(communityLock, input.id);
      if (!before) throw notFound("Community");
      if (before.updatedAt.getTime() !== input.expectedUpdatedAt.getTime()) {
        throw conflict("Someone else saved this community since you opened it. Review their version.", {
          community: before,
        });
      }
      if (input.slug !== before.slug && (await this.slugInUse(tx, input.slug))) throw slugTaken();
      const [after] = await tx
        .update(communities)
        .set({ ...columns(input), updatedAt: new Date() })
        .where(eq(communities.id, before.id))
        .returning()
        .catch((error: unknown) => {
          throw isUniqueViolation(error) ? slugTaken() : error;
        });
      if (!after) throw notFound("Community");
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "community.update",
        targetKind: "community",
        targetId: after.id,
        before: audited(before),
        after: audited(after),
      });
      return after;
    });
  }

  /** Archived: read-only for everyone (community.policy.ts `canWrite`), off the home page. */
  archive(viewer: Viewer | null, communityId: string): Promise<CommunityRow> {
    return this.setArchived(viewer, communityId, true);
  }

  unarchive(viewer: Viewer | null, communityId: string): Promise<CommunityRow> {
    return this.setArchived(viewer, communityId, false);
  }

  private async setArchived(viewer: Viewer | null, communityId: string, archive: boolean): Promise<CommunityRow> {
    requireAdmin(viewer);
    if (!isUuid(communityId)) throw notFound("Community");
    return unitOfWork(this.db, async ({ tx, lock }) => {
      const before = await lock(communityLock, communityId);
      if (!before) throw notFound("Community");
      if (isArchived(before) === archive) {
        throw conflict(archive ? "This community is already archived." : "This community is not archived.", {
          archivedAt: before.archivedAt,
        });
      }
      const now = new Date();
      const [after] = await tx
        .update(communities)
        .set({ archivedAt: archive ? now : null, updatedAt: now })
        .where(eq(communities.id, before.id))
        .returning();
      if (!after) throw notFound("Community");
      await recordAudit(tx, {
        actorId: viewer.id,
        action: archive ? "community.archive" : "community.unarchive",
        targetKind: "community",
        targetId: after.id,
        before: { archivedAt: before.archivedAt },
        after: { archivedAt: after.archivedAt },
      });
      return after;
    });
  }

  private async slugInUse(tx: Executor, slug: string) {
    const [row] = await tx.select({ id: communities.id }).from(communities).where(eq(communities.slug, slug)).limit(1);
    return row !== undefined;
  }
}

const slugTaken = () => badInput("slug", "Another community already uses this slug. Choose another.");
