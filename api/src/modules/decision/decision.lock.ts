import { type DecisionRow, decisions } from "@pratica/db";
import { eq } from "drizzle-orm";
import type { RowLock } from "../../core/unit-of-work.js";

/**
 * Every write to a decision (its settings, steps, and each vote) takes its row first, so a stale
 * `expectedVersion` is seen for certain, a vote never lands on a decision closing meanwhile, and
 * two representatives voting at once for one organisation replace each other in order. FOR NO KEY
 * UPDATE: votes and options reference the row.
 */
export const decisionLock: RowLock<DecisionRow> = {
  kind: "decision",
  take: async (tx, id) => {
    const [row] = await tx.select().from(decisions).where(eq(decisions.id, id)).for("no key update");
    return row;
  },
};
