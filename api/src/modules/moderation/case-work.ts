import {
  communityMemberships,
  type Database,
  type Executor,
  type ModerationCaseRow,
  moderationCases,
  moderationReports,
  users,
} from "@pratica/db";
import { and, eq, isNull } from "drizzle-orm";
import { notFound } from "../../core/errors.js";
import { findById } from "../../core/find.js";
import { type RowLock, unitOfWork, type Work } from "../../core/unit-of-work.js";
import { loadTarget, lockTargetAggregate, type Target } from "./targets.js";

/**
 * The case row, FOR UPDATE: two moderators deciding at once are serialised here, and the second
 * reads the state the first left (then CONFLICT with it). Taken after the target's aggregate
 * (LOCK_ORDER: the content kinds, then "moderationCase").
 */
export const caseLock: RowLock<ModerationCaseRow> = {
  kind: "moderationCase",
  take: async (tx, id) => {
    const [row] = await tx.select().from(moderationCases).where(eq(moderationCases.id, id)).for("update");
    return row;
  },
};

export type CaseWork = Work & { moderated: ModerationCaseRow; target: Target | undefined };

/**
 * One write to a case: a unit of work that locks the reported content's aggregate, then the
 * case, and hands both as they are under the locks. The target is undefined when it is gone.
 */
export async function inCase<T>(db: Database, caseId: string, write: (w: CaseWork) => Promise<T>): Promise<T> {
  const first = await findById(db, moderationCases, caseId, "Case");
  return unitOfWork(db, async (w) => {
    const before = await loadTarget(w.tx, first.targetKind, first.targetId);
    if (before) await lockTargetAggregate(w, before);
    const moderated = await w.lock(caseLock, caseId);
    if (!moderated) throw notFound("Case");
    const target = await loadTarget(w.tx, moderated.targetKind, moderated.targetId);
    return write({ ...w, moderated, target });
  });
}

/** The viewer's membership in the case's community (none for a profile's case). */
export async function membershipIn(tx: Executor, communityId: string | null, userId: string) {
  if (!communityId) return null;
  const [m] = await tx
    .select()
    .from(communityMemberships)
    .where(and(eq(communityMemberships.communityId, communityId), eq(communityMemberships.userId, userId)))
    .limit(1);
  return m ?? null;
}

/**
 * Who moderates a case, to be told of it: the active facilitators of its community, or the
 * platform admins for a profile's case (and for a community without another facilitator to ask).
 * Never the target's author, never `except`.
 */
export async function caseModeratorIds(
  tx: Executor,
  moderated: Pick<ModerationCaseRow, "communityId" | "targetAuthorId">,
  except: string | null = null,
): Promise<string[]> {
  const keep = (ids: string[]) => ids.filter((id) => id !== moderated.targetAuthorId && id !== except);
  if (moderated.communityId) {
    const facilitators = keep(
      (
        await tx
          .select({ id: communityMemberships.userId })
          .from(communityMemberships)
          .where(
            and(
              eq(communityMemberships.communityId, moderated.communityId),
              eq(communityMemberships.role, "FACILITATOR"),
              eq(communityMemberships.status, "ACTIVE"),
            ),
          )
      ).map((r) => r.id),
    );
    if (facilitators.length) return facilitators;
  }
  return keep(
    (
      await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, "ADMIN"), isNull(users.deletedAt)))
    ).map((r) => r.id),
  );
}

/** Those whose reports on the case are still unresolved. */
export async function openReporterIds(tx: Executor, caseId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: moderationReports.reporterId })
    .from(moderationReports)
    .where(and(eq(moderationReports.caseId, caseId), isNull(moderationReports.resolvedAt)));
  return [...new Set(rows.map((r) => r.id))];
}

/** Resolves the case's open reports (its decision answers them). */
export async function resolveReports(tx: Executor, caseId: string, now: Date): Promise<void> {
  await tx
    .update(moderationReports)
    .set({ resolvedAt: now })
    .where(and(eq(moderationReports.caseId, caseId), isNull(moderationReports.resolvedAt)));
}
