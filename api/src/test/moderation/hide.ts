import { communityMemberships, type Database, moderationCases } from "@pratica/db";
import { and, eq } from "drizzle-orm";
import { TARGET_TABLES } from "../../modules/moderation/targets.js";

export type HiddenKind = keyof typeof TARGET_TABLES;

/**
 * Hides a piece of content the way the moderation module leaves it (a case, and the row marked
 * with it), written straight to the database: the read side is tested without the decisions.
 */
export async function hide(
  db: Database,
  target: {
    kind: HiddenKind;
    id: string;
    communityId: string | null;
    authorId: string;
    bySystem?: boolean;
    reason?: "SPAM" | "OFFENSIVE" | "OFF_TOPIC" | "PERSONAL_DATA" | "OTHER";
  },
): Promise<string> {
  const now = new Date();
  const [row] = await db
    .insert(moderationCases)
    .values({
      targetKind: target.kind,
      targetId: target.id,
      communityId: target.communityId,
      targetAuthorId: target.authorId,
      reason: target.reason ?? "OFFENSIVE",
      state: target.bySystem ? "OPEN" : "ACTIONED",
      autoHiddenAt: target.bySystem ? now : null,
      action: target.bySystem ? "AUTO_HIDE" : "HIDE",
      decidedAt: target.bySystem ? null : now,
    })
    .returning({ id: moderationCases.id });
  if (!row) throw new Error("case not created");
  const table = TARGET_TABLES[target.kind];
  await db
    .update(table)
    .set({ hiddenAt: now, hiddenCaseId: row.id } as never)
    .where(eq(table.id, target.id));
  return row.id;
}

/** Shows it again, as a restore or an overturned decision leaves it. */
export async function unhide(db: Database, kind: HiddenKind, id: string): Promise<void> {
  const table = TARGET_TABLES[kind];
  await db
    .update(table)
    .set({ hiddenAt: null, hiddenCaseId: null } as never)
    .where(eq(table.id, id));
}

/** A sanction in force on a membership, as the moderation module mirrors it. */
export async function sanctionMembership(
  db: Database,
  communityId: string,
  userId: string,
  sanction: { suspendedUntil?: Date | null; restrictedUntil?: Date | null },
): Promise<void> {
  await db
    .update(communityMemberships)
    .set(sanction)
    .where(and(eq(communityMemberships.communityId, communityId), eq(communityMemberships.userId, userId)));
}

export const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600 * 1000);
