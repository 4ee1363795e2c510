import {
  appeals,
  auditLog,
  caseTransitions,
  type Database,
  type ModerationCaseRow,
  moderationCases,
  moderationReports,
  sanctions,
} from "@pratica/db";

type Kind = ModerationCaseRow["targetKind"];
type Reason = ModerationCaseRow["reason"];

export type CaseSeed = {
  kind: Kind;
  targetId: string;
  authorId: string;
  communityId: string | null;
  reporters: { id: string; reason?: Reason; note?: string }[];
  state?: ModerationCaseRow["state"];
  createdAt?: Date;
  autoHidden?: boolean;
  decision?: {
    action: ModerationCaseRow["action"];
    by: string;
    at?: Date;
    note?: string;
    message?: string;
    until?: Date;
  };
};

/**
 * A case written straight to the database, as the read side's tests need it (reports, the
 * transitions its state implies): the writes are mod-core's, tested there.
 */
export async function buildCase(db: Database, seed: CaseSeed): Promise<ModerationCaseRow> {
  const createdAt = seed.createdAt ?? new Date();
  const first = seed.reporters[0];
  const [row] = await db
    .insert(moderationCases)
    .values({
      targetKind: seed.kind,
      targetId: seed.targetId,
      communityId: seed.communityId,
      targetAuthorId: seed.authorId,
      state: seed.state ?? "OPEN",
      reason: first?.reason ?? "SPAM",
      weight: seed.reporters.length,
      autoHiddenAt: seed.autoHidden ? createdAt : null,
      action: seed.decision?.action ?? null,
      decidedBy: seed.decision?.by ?? null,
      decidedAt: seed.decision ? (seed.decision.at ?? new Date()) : null,
      until: seed.decision?.until ?? null,
      createdAt,
    })
    .returning();
  if (!row) throw new Error("case not created");
  for (const [i, r] of seed.reporters.entries()) {
    await db.insert(moderationReports).values({
      caseId: row.id,
      reporterId: r.id,
      targetKind: seed.kind,
      targetId: seed.targetId,
      reason: r.reason ?? "SPAM",
      note: r.note ?? null,
      weight: 1,
      createdAt: new Date(createdAt.getTime() + i),
      resolvedAt: seed.decision ? new Date() : null,
    });
    await db.insert(caseTransitions).values({
      caseId: row.id,
      fromState: i === 0 ? null : "OPEN",
      toState: "OPEN",
      action: "REPORT",
      createdAt: new Date(createdAt.getTime() + i),
    });
  }
  if (seed.decision?.action) {
    await db.insert(caseTransitions).values({
      caseId: row.id,
      fromState: "OPEN",
      toState: seed.state === "APPEALED" ? "ACTIONED" : (seed.state ?? "ACTIONED"),
      action: seed.decision.action,
      actorId: seed.decision.by,
      note: seed.decision.note ?? "internal note",
      message: seed.decision.message ?? null,
      until: seed.decision.until ?? null,
    });
    const kind = seed.decision.action;
    if (kind === "WARN" || kind === "RESTRICT" || kind === "SUSPEND") {
      await db.insert(sanctions).values({
        caseId: row.id,
        userId: seed.authorId,
        kind,
        communityId: seed.communityId,
        endsAt: seed.decision.until ?? null,
        createdBy: seed.decision.by,
      });
    }
  }
  return row;
}

export async function buildAppeal(db: Database, c: ModerationCaseRow, statement = "Please look again") {
  const [appeal] = await db.insert(appeals).values({ caseId: c.id, authorId: c.targetAuthorId, statement }).returning();
  await db.insert(caseTransitions).values({
    caseId: c.id,
    fromState: "ACTIONED",
    toState: "APPEALED",
    action: "APPEAL",
    actorId: c.targetAuthorId,
  });
  return appeal;
}

/** An audit entry as mod-core's decisions write them (`case.<step>`). */
export async function buildLogEntry(
  db: Database,
  entry: {
    communityId: string | null;
    caseId: string | null;
    action: string;
    actorId: string | null;
    targetKind: string;
    targetId: string;
    note?: string | null;
    before?: Record<string, unknown> | null;
    after?: Record<string, unknown> | null;
    createdAt?: Date;
  },
) {
  const [row] = await db
    .insert(auditLog)
    .values({
      communityId: entry.communityId,
      caseId: entry.caseId,
      action: entry.action,
      actorId: entry.actorId,
      targetKind: entry.targetKind,
      targetId: entry.targetId,
      reason: entry.note ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      createdAt: entry.createdAt ?? new Date(),
    })
    .returning();
  if (!row) throw new Error("entry not created");
  return row;
}
