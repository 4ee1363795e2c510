import { type Database, type UserRow, users } from "@pratica/db";
import { and, asc, desc, eq, ilike, or, sql } from "drizzle-orm";
import { recordAudit } from "../../core/audit.js";
import { conflict, forbidden, notFound } from "../../core/errors.js";
import { isUuid } from "../../core/ids.js";
import { decodeCursor, keysetCursor, type Page, type PageArgs, pageSize, toPage } from "../../core/pagination.js";
import { unitOfWork } from "../../core/unit-of-work.js";
import { parseInput } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import { shownUserColumns } from "../identity/user.columns.js";
import { requireAdmin, takesLastAdmin } from "./admin.policy.js";
import { memberQueryRules } from "./admin.rules.js";
import { beforePosition } from "./newest-first.js";

/**
 * Sends an account a password-reset link: the identity module's `sendPasswordResetLink` (the same
 * email and token as "Forgot your password?", with the admin kept as the token's creator).
 */
export type PasswordResetSender = (userId: string, by: string) => Promise<void>;

/**
 * Accounts as platform admins look after them: find one, make or revoke admins (never the last
 * one), send a reset link.
 */
export class MemberAdminService {
  constructor(
    private readonly db: Database,
    private readonly sendPasswordReset: PasswordResetSender,
  ) {}

  /** Accounts whose email or name contains `query`, newest first, keyset-paged. */
  async search(
    viewer: Viewer | null,
    query: string | null | undefined,
    args: PageArgs,
  ): Promise<{ page: Page<UserRow>; totalCount: number }> {
    requireAdmin(viewer);
    const q = parseInput(memberQueryRules.optional(), query ?? undefined) ?? "";
    const size = pageSize(args.first);
    const position = decodeCursor(keysetCursor, args.after);
    const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const scope = q ? or(ilike(users.email, pattern), ilike(users.displayName, pattern)) : undefined;
    const [rows, [count]] = await Promise.all([
      this.db
        .select(shownUserColumns)
        .from(users)
        .where(and(scope, beforePosition(users.createdAt, users.id, position)))
        .orderBy(desc(users.createdAt), desc(users.id))
        .limit(size + 1),
      this.db.select({ n: sql<number>`count(*)::int` }).from(users).where(scope),
    ]);
    return { page: toPage(rows, size), totalCount: count?.n ?? 0 };
  }

  grantAdmin(viewer: Viewer | null, userId: string): Promise<UserRow> {
    return this.setRole(viewer, userId, "ADMIN");
  }

  revokeAdmin(viewer: Viewer | null, userId: string): Promise<UserRow> {
    return this.setRole(viewer, userId, "USER");
  }

  /**
   * Every admin row is locked (FOR NO KEY UPDATE, ascending id, which leaves the foreign-key
   * KEY SHARE locks of content inserts unblocked) before the count: two admins revoking each
   * other at once are serialised, and the second reads one admin left and is refused. The actor
   * is re-checked under the same lock, since they may have been revoked meanwhile.
   */
  private async setRole(viewer: Viewer | null, userId: string, role: "ADMIN" | "USER"): Promise<UserRow> {
    requireAdmin(viewer);
    if (!isUuid(userId)) throw notFound("User");
    return unitOfWork(this.db, async ({ tx }) => {
      const admins = await tx
        .select({ id: users.id })
        .from(users)
        .where(eq(users.role, "ADMIN"))
        .orderBy(asc(users.id))
        .for("no key update");
      if (!admins.some((a) => a.id === viewer.id)) throw forbidden("You are no longer a platform admin.");
      const [target] = await tx.select(shownUserColumns).from(users).where(eq(users.id, userId)).limit(1);
      if (!target) throw notFound("User");
      if (target.role === role) {
        throw conflict(role === "ADMIN" ? "This account is already an admin." : "This account is not an admin.", {
          role: target.role,
        });
      }
      if (role === "USER" && takesLastAdmin(target, admins.length)) {
        throw conflict("This is the platform's last admin. Make another account an admin first.", {
          admins: admins.length,
        });
      }
      const [after] = await tx
        .update(users)
        .set({ role, updatedAt: new Date() })
        .where(eq(users.id, target.id))
        .returning(shownUserColumns);
      if (!after) throw notFound("User");
      await recordAudit(tx, {
        actorId: viewer.id,
        action: role === "ADMIN" ? "user.grant_admin" : "user.revoke_admin",
        targetKind: "user",
        targetId: target.id,
        before: { role: target.role },
        after: { role: after.role },
      });
      return after;
    });
  }

  /**
   * Records that an admin asked, then sends the account a reset link (`PasswordResetSender`, its
   * own unit of work in the identity module: the entry can exist for a link whose email is queued
   * a moment later, never the other way round).
   */
  async sendResetLink(viewer: Viewer | null, userId: string): Promise<void> {
    requireAdmin(viewer);
    if (!isUuid(userId)) throw notFound("User");
    await unitOfWork(this.db, async ({ tx }) => {
      const [target] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
      if (!target) throw notFound("User");
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "user.send_password_reset",
        targetKind: "user",
        targetId: target.id,
      });
    });
    await this.sendPasswordReset(userId, viewer.id);
  }
}
