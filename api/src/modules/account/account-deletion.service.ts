import {
  accountTokens,
  auditLog,
  communityMemberships,
  type Database,
  deliverableEditors,
  deliverablePresence,
  type Executor,
  learningPathProgress,
  notifications,
  organizationMembers,
  readMarkers,
  resourceBookmarks,
  sessions,
  users,
  verifyPassword,
  watches,
} from "@pratica/db";
import { and, eq, isNull, or, sql } from "drizzle-orm";
import { badInput, conflict, unauthenticated } from "../../core/errors.js";
import type { EventBus } from "../../core/event-bus.js";
import { unitOfWork, type Work } from "../../core/unit-of-work.js";
import { parseInput } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import { communityLock } from "../community/community.service.js";
import { deliverableLock } from "../deliverable/deliverable.events.js";
import { publishThreadEvent, threadLock } from "../thread/thread.events.js";
import type { AccountGuard } from "./account.guard.js";
import { isLastAdmin, orphanedDocuments, soleFacilitatorOf } from "./account.policy.js";
import { deleteAccountRules } from "./account.rules.js";
import { editedDocuments, facilitated, lockSet } from "./deletion-plan.js";
import { eraseDiscussionText } from "./erase-content.js";

/** What a deleted account shows: the web puts "Former member" / "Ex membro" in its place (`User.deleted`). */
export const FORMER_MEMBER_NAME = "Former member";

/**
 * Deletes the viewer's account (docs/personal-data.md): personal data erased, what they wrote
 * kept as by a former member unless `eraseContent`. One unit of work: either every step happens
 * or none does, and a refusal changes nothing.
 */
export class AccountDeletion {
  constructor(
    private readonly db: Database,
    private readonly bus: EventBus,
    private readonly guard: AccountGuard,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async delete(viewer: Viewer | null, input: unknown): Promise<void> {
    if (!viewer) throw unauthenticated();
    const { password, eraseContent } = parseInput(deleteAccountRules, input);
    await this.guard.checkDeletion(viewer.id);
    const [account] = await this.db
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .where(and(eq(users.id, viewer.id), isNull(users.deletedAt)));
    if (!account) throw unauthenticated();
    if (!(await verifyPassword(account.passwordHash, password))) {
      await this.guard.recordWrongPassword(viewer.id);
      throw badInput("password", "The password is not correct.");
    }
    const toLock = await lockSet(this.db, viewer.id, eraseContent);
    await unitOfWork(this.db, async (work) => {
      const role = await this.lockAccount(work.tx, viewer.id);
      for (const id of toLock.communityIds) await work.lock(communityLock, id);
      for (const id of toLock.threadIds) await work.lock(threadLock, id);
      for (const id of toLock.deliverableIds) await work.lock(deliverableLock, id);
      await this.refuseWhatWouldBeLeftBehind(work.tx, viewer.id, role);
      await this.handOverDocuments(work.tx, viewer.id, toLock.deliverableIds);
      if (eraseContent) {
        const events = await eraseDiscussionText(work.tx, viewer.id, toLock.threadIds, this.clock());
        work.afterCommit(() => {
          for (const event of events) publishThreadEvent(this.bus, event);
        });
      }
      await this.erasePersonalData(work, viewer.id, eraseContent);
    });
  }

  /**
   * Locks the account's row and every admin's (FOR NO KEY UPDATE, ascending id), before any row
   * lock of `LOCK_ORDER`: two admins deleting themselves at once are serialised and the second
   * counts one admin; a second deletion of one account waits here and then finds it gone. NO KEY
   * UPDATE leaves the KEY SHARE locks of inserts that reference a user (a notification for an
   * admin) unblocked. Answers the account's role as it is now.
   */
  private async lockAccount(tx: Executor, userId: string): Promise<"USER" | "ADMIN"> {
    const rows = await tx
      .select({ id: users.id, role: users.role, deletedAt: users.deletedAt })
      .from(users)
      .where(or(eq(users.id, userId), and(eq(users.role, "ADMIN"), isNull(users.deletedAt))))
      .orderBy(users.id)
      .for("no key update");
    const mine = rows.find((r) => r.id === userId);
    if (!mine || mine.deletedAt) throw unauthenticated();
    return mine.role;
  }

  private async refuseWhatWouldBeLeftBehind(tx: Executor, userId: string, role: "USER" | "ADMIN") {
    const [admins] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(and(eq(users.role, "ADMIN"), isNull(users.deletedAt)));
    if (isLastAdmin(role, admins?.n ?? 0)) {
      throw conflict("You are the platform's only admin. Make another member an admin before deleting your account.");
    }
    const sole = soleFacilitatorOf(await facilitated(tx, userId));
    if (sole.length) {
      throw conflict(
        `You are the only facilitator of ${sole.map((c) => c.name).join(", ")}. Appoint another facilitator before deleting your account.`,
        { communities: sole.map(({ id, slug, name }) => ({ id, slug, name })) },
      );
    }
  }

  /** Documents the account edits alone pass to their community's other facilitators (account.policy.ts). */
  private async handOverDocuments(tx: Executor, userId: string, deliverableIds: string[]) {
    const edited = await editedDocuments(tx, userId, deliverableIds);
    const orphaned = orphanedDocuments(edited);
    if (orphaned.length) {
      throw conflict(
        `Nobody could edit ${orphaned.map((d) => `“${d.title}”`).join(", ")} after you: ask an admin to appoint a facilitator of its community first.`,
        { deliverables: orphaned.map(({ id, title }) => ({ id, title })) },
      );
    }
    const handovers = edited
      .filter((d) => d.otherEditors === 0)
      .flatMap((d) =>
        d.successors.map((successor) => ({ deliverableId: d.id, userId: successor, communityId: d.communityId })),
      );
    if (handovers.length) await tx.insert(deliverableEditors).values(handovers).onConflictDoNothing();
  }

  private async erasePersonalData({ tx, afterCommit }: Work, userId: string, eraseContent: boolean) {
    const now = this.clock();
    const [before] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    const left = await tx
      .delete(communityMemberships)
      .where(eq(communityMemberships.userId, userId))
      .returning({ communityId: communityMemberships.communityId });
    await tx.delete(organizationMembers).where(eq(organizationMembers.userId, userId));
    await tx.delete(deliverableEditors).where(eq(deliverableEditors.userId, userId));
    await tx.delete(deliverablePresence).where(eq(deliverablePresence.userId, userId));
    await tx.delete(notifications).where(eq(notifications.userId, userId));
    await tx.delete(watches).where(eq(watches.userId, userId));
    await tx.delete(readMarkers).where(eq(readMarkers.userId, userId));
    await tx.delete(resourceBookmarks).where(eq(resourceBookmarks.userId, userId));
    await tx.delete(learningPathProgress).where(eq(learningPathProgress.userId, userId));
    await tx
      .delete(accountTokens)
      .where(or(eq(accountTokens.userId, userId), sql`lower(${accountTokens.email}) = lower(${before?.email ?? ""})`));
    const revoked = await tx
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    // The row stays (what they wrote points at it), emptied of everything that named the person.
    // `!` is no argon2 hash: no password verifies against it.
    const tombstone = userId.replaceAll("-", "");
    await tx
      .update(users)
      .set({
        email: `deleted-${tombstone}@deleted.invalid`,
        handle: `former-member-${tombstone.slice(0, 12)}`,
        displayName: FORMER_MEMBER_NAME,
        bio: null,
        passwordHash: "!deleted",
        role: "USER",
        emailVerifiedAt: null,
        emailDelivery: "NEVER",
        lastDigestAt: null,
        deletedAt: now,
        updatedAt: now,
      })
      .where(eq(users.id, userId));
    // No personal data in the log: that the account was deleted, and how.
    await tx.insert(auditLog).values({
      actorId: userId,
      action: "user.delete",
      targetKind: "user",
      targetId: userId,
      before: null,
      after: { eraseContent },
    });
    afterCommit(() => {
      for (const { id } of revoked) this.bus.publish("session", { type: "REVOKED", sessionId: id });
      for (const { communityId } of left) this.bus.publish("user", userId, { type: "MEMBERSHIP_CHANGED", communityId });
    });
  }
}
