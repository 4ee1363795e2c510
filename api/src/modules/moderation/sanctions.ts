import { communityMemberships, type Executor, type SanctionRow, sanctions, users } from "@pratica/db";
import { and, eq, gt, isNull, max, or } from "drizzle-orm";
import type { EventBus } from "../../core/event-bus.js";

type Kind = "RESTRICT" | "SUSPEND";

/**
 * Sanctions and their mirror: a RESTRICT or SUSPEND in force is copied onto the membership (a
 * community's) or the user row (the platform's) as `restricted_until` / `suspended_until`, which
 * is what the write rules and the login read. The mirror is always recomputed from the sanctions
 * still in force, so lifting one of two overlapping sanctions keeps the other.
 */
export async function imposeSanction(
  tx: Executor,
  sanction: {
    caseId: string;
    userId: string;
    kind: SanctionRow["kind"];
    communityId: string | null;
    endsAt: Date | null;
    createdBy: string;
  },
  now: Date,
): Promise<SanctionRow> {
  const [row] = await tx.insert(sanctions).values(sanction).returning();
  if (!row) throw new Error("sanction not recorded");
  if (row.kind !== "WARN") await mirror(tx, row.userId, row.kind, row.communityId, now);
  return row;
}

/** Lifts the case's sanctions still in force (an overturn, or a RESTORE of an actioned case). */
export async function liftCaseSanctions(tx: Executor, caseId: string, now: Date): Promise<SanctionRow[]> {
  const lifted = await tx
    .update(sanctions)
    .set({ liftedAt: now })
    .where(and(eq(sanctions.caseId, caseId), isNull(sanctions.liftedAt)))
    .returning();
  for (const s of lifted) if (s.kind !== "WARN") await mirror(tx, s.userId, s.kind, s.communityId, now);
  return lifted;
}

/** Lifts one sanction whose end passed; undefined when another unit of work lifted it first. */
export async function liftOne(tx: Executor, sanctionId: string, now: Date): Promise<SanctionRow | undefined> {
  const [lifted] = await tx
    .update(sanctions)
    .set({ liftedAt: now })
    .where(and(eq(sanctions.id, sanctionId), isNull(sanctions.liftedAt)))
    .returning();
  if (lifted && lifted.kind !== "WARN") await mirror(tx, lifted.userId, lifted.kind, lifted.communityId, now);
  return lifted;
}

/** Sets the mirrored column to the latest end among the sanctions of that kind and scope still in force. */
async function mirror(tx: Executor, userId: string, kind: Kind, communityId: string | null, now: Date) {
  const [latest] = await tx
    .select({ until: max(sanctions.endsAt) })
    .from(sanctions)
    .where(
      and(
        eq(sanctions.userId, userId),
        eq(sanctions.kind, kind),
        communityId ? eq(sanctions.communityId, communityId) : isNull(sanctions.communityId),
        isNull(sanctions.liftedAt),
        or(isNull(sanctions.endsAt), gt(sanctions.endsAt, now)),
      ),
    );
  const until = latest?.until ?? null;
  const column = kind === "RESTRICT" ? "restrictedUntil" : "suspendedUntil";
  if (communityId) {
    await tx
      .update(communityMemberships)
      .set({ [column]: until })
      .where(and(eq(communityMemberships.userId, userId), eq(communityMemberships.communityId, communityId)));
  } else {
    await tx
      .update(users)
      .set({ [column]: until })
      .where(eq(users.id, userId));
  }
}

/**
 * Tells the sanctioned member's open streams that their standing in a community changed, after
 * the commit that changed it: a live thread of a members-only community (or a facilitator's live
 * queue) asks access again and ends if the suspension took it away (core/replay-then-live.ts).
 * A platform suspension needs none: it ends every session and socket of the account.
 */
export function announceStanding(
  bus: EventBus,
  changed: readonly (Pick<SanctionRow, "userId" | "communityId"> | null | undefined)[],
): void {
  for (const s of changed) {
    if (s?.communityId) bus.publish("user", s.userId, { type: "MEMBERSHIP_CHANGED", communityId: s.communityId });
  }
}
