import { type Executor, sanctions } from "@pratica/db";
import { and, eq, gt, inArray, isNull, max } from "drizzle-orm";

/**
 * The restriction and suspension still in force for a person in a community, read from the
 * sanctions themselves (the moderation module's table) rather than from a membership row: leaving
 * deletes the row, and with it the mirrored `*_until` columns, so joining again must not start clean.
 */
export async function sanctionsInForce(
  tx: Executor,
  userId: string,
  communityId: string,
  now: Date,
): Promise<{ suspendedUntil: Date | null; restrictedUntil: Date | null }> {
  const rows = await tx
    .select({ kind: sanctions.kind, until: max(sanctions.endsAt) })
    .from(sanctions)
    .where(
      and(
        eq(sanctions.userId, userId),
        eq(sanctions.communityId, communityId),
        inArray(sanctions.kind, ["SUSPEND", "RESTRICT"]),
        isNull(sanctions.liftedAt),
        gt(sanctions.endsAt, now),
      ),
    )
    .groupBy(sanctions.kind);
  const until = (kind: "SUSPEND" | "RESTRICT") => rows.find((r) => r.kind === kind)?.until ?? null;
  return { suspendedUntil: until("SUSPEND"), restrictedUntil: until("RESTRICT") };
}
