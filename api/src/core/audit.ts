import { auditLog, type Executor } from "@pratica/db";

/** What one admin action did, as the audit log keeps it (migration 0007: append-only by trigger). */
export type AuditEntry = {
  /** Who did it; null for the command line (`admin:invite`), where nobody is logged in. */
  actorId: string | null;
  /** `<target kind>.<verb>`, e.g. `community.archive`, `user.grant_admin`. */
  action: string;
  targetKind: string;
  targetId: string | null;
  before?: Record<string, unknown> | null | undefined;
  after?: Record<string, unknown> | null | undefined;
  /** Moderation entries: the community (null for a profile), the case, and the internal note. */
  communityId?: string | null | undefined;
  caseId?: string | null | undefined;
  reason?: string | null | undefined;
};

/**
 * Records an admin action in the unit of work that performs it: the entry exists if and only if
 * the action committed. Rows are turned into plain JSON (dates as ISO strings) here, once.
 */
export async function recordAudit(tx: Executor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    targetKind: entry.targetKind,
    targetId: entry.targetId,
    before: entry.before ? toJson(entry.before) : null,
    after: entry.after ? toJson(entry.after) : null,
    communityId: entry.communityId ?? null,
    caseId: entry.caseId ?? null,
    reason: entry.reason ?? null,
  });
}

const toJson = (value: Record<string, unknown>): Record<string, unknown> => JSON.parse(JSON.stringify(value));
