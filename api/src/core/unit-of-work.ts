import type { Database, Executor } from "@pratica/db";
import { eq } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";

/**
 * The one lock order. A unit of work takes row locks in this order of kinds, and several rows of
 * one kind in ascending id order; `Work.lock` refuses (as a bug) any other order, so no two units
 * of work can each hold a row the other waits for: deadlock-free by construction. Child rows (a
 * post, a section, a step, a membership, a bookmark) are never locked on their own: they are
 * written under their root's lock, which serialises their writers. No write today holds two of
 * these locks; one that must takes the community first, then its aggregate.
 */
export const LOCK_ORDER = [
  "community",
  "thread",
  "deliverable",
  "resource",
  "learningPath",
  // An event (its registrations are written under it); after deliverable: linking minutes reads a document, never locks it.
  "event",
  // A decision: after the document, which publishing an outcome may move in the same unit of work.
  "decision",
  // After the content kinds: a moderation write locks the reported content first, then its case.
  "moderationCase",
  // A membership application (an aggregate of its own: no content lock is ever held with it).
  "membershipApplication",
  // A buyer request (Buy Social): its suppliers' answers are written under it; no other lock is held with it.
  "buyerRequest",
  "notification",
] as const;

export type LockKind = (typeof LOCK_ORDER)[number];

/**
 * How a module locks one of its rows for the rest of the transaction, returning the row as it is
 * under the lock (undefined when there is none). The module chooses the mode: `FOR NO KEY UPDATE`
 * where other tables' inserts reference the row (their foreign-key KEY SHARE locks then never
 * wait on it), `FOR UPDATE` otherwise.
 */
export type RowLock<Row> = {
  kind: LockKind;
  take: (tx: Executor, id: string) => Promise<Row | undefined>;
};

/**
 * The usual `RowLock`: the row of `table` with that id, `FOR UPDATE` or `FOR NO KEY UPDATE`,
 * answering its id (a lock that must hand back the whole row writes its own `take`).
 */
export function rowLock(
  kind: LockKind,
  table: PgTable & { id: AnyPgColumn },
  mode: "update" | "no key update",
): RowLock<{ id: string }> {
  return {
    kind,
    take: async (tx, id) => {
      const [row] = await tx.select({ id: table.id }).from(table).where(eq(table.id, id)).for(mode);
      return row as { id: string } | undefined;
    },
  };
}

export type Work = {
  /** The transaction every read and write of the unit goes through. */
  tx: Executor;
  /**
   * Locks a row, and returns it as it is now. Take it before any read a rule checks and before
   * any insert that references the row: such an insert's foreign key takes KEY SHARE on the row,
   * and two writers holding KEY SHARE that then both ask for the row lock deadlock.
   */
  lock: <Row>(lock: RowLock<Row>, id: string) => Promise<Row | undefined>;
  /** Runs once the transaction committed (bus events, notifications); never after a rollback. */
  afterCommit: (effect: () => void) => void;
};

/**
 * The one way a write runs: in a transaction that locks the aggregate first (in `LOCK_ORDER`),
 * reads afresh what its rules check, checks them against that state, writes, and collects what
 * it tells others, which is sent only after COMMIT: subscribers and notified users must find the
 * rows, and a rolled-back write tells nobody anything.
 */
export async function unitOfWork<T>(db: Database, work: (w: Work) => Promise<T>): Promise<T> {
  const effects: (() => void)[] = [];
  const value = await db.transaction(async (tx) => {
    let held: { rank: number; id: string } | undefined;
    return work({
      tx,
      lock: (lock, id) => {
        const rank = LOCK_ORDER.indexOf(lock.kind);
        if (held && (rank < held.rank || (rank === held.rank && id < held.id))) {
          throw new Error(`lock order: ${lock.kind} ${id} after ${LOCK_ORDER[held.rank]} ${held.id}`);
        }
        held = { rank, id };
        return lock.take(tx, id);
      },
      afterCommit: (effect) => {
        effects.push(effect);
      },
    });
  });
  // The write has committed: its author gets the answer even when telling others fails (a
  // broken bus), and one failing effect does not keep the next from running.
  for (const effect of effects) {
    try {
      effect();
    } catch (err) {
      console.error("an effect after commit failed", err);
    }
  }
  return value;
}
