import { type AuditLogRow, auditLog, type Database } from "@pratica/db";
import { and, desc, eq, sql } from "drizzle-orm";
import { badInput } from "../../core/errors.js";
import { isUuid } from "../../core/ids.js";
import { decodeCursor, keysetCursor, type Page, type PageArgs, pageSize, toPage } from "../../core/pagination.js";
import type { Viewer } from "../../core/viewer.js";
import { requireAdmin } from "./admin.policy.js";
import { beforePosition } from "./newest-first.js";

export type AuditFilter = { action?: string | null | undefined; targetId?: string | null | undefined };

/** The admin area's record of admin actions, newest first (written by `recordAudit`, core/audit.ts). */
export class AuditLogService {
  constructor(private readonly db: Database) {}

  async list(
    viewer: Viewer | null,
    filter: AuditFilter,
    args: PageArgs,
  ): Promise<{ page: Page<AuditLogRow>; totalCount: number }> {
    requireAdmin(viewer);
    const size = pageSize(args.first);
    const position = decodeCursor(keysetCursor, args.after);
    if (filter.targetId && !isUuid(filter.targetId)) throw badInput("targetId", "targetId is not an id.");
    if (filter.action && filter.action.length > 100) throw badInput("action", "action is too long.");
    const scope = and(
      filter.action ? eq(auditLog.action, filter.action) : undefined,
      filter.targetId ? eq(auditLog.targetId, filter.targetId) : undefined,
    );
    const [rows, [count]] = await Promise.all([
      this.db
        .select()
        .from(auditLog)
        .where(and(scope, beforePosition(auditLog.createdAt, auditLog.id, position)))
        .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
        .limit(size + 1),
      this.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(scope),
    ]);
    return { page: toPage(rows, size), totalCount: count?.n ?? 0 };
  }
}
