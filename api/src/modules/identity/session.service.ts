import { createHash, randomBytes } from "node:crypto";
import { type Database, type Executor, type SessionRow, sessions, users } from "@pratica/db";
import { and, desc, eq, gt, isNull, lt, ne, or } from "drizzle-orm";
import { conflict, forbidden, notFound, unauthenticated } from "../../core/errors.js";
import type { EventBus } from "../../core/event-bus.js";
import { isUuid } from "../../core/ids.js";
import { unitOfWork, type Work } from "../../core/unit-of-work.js";
import type { Viewer } from "../../core/viewer.js";

const DAY_MS = 86_400_000;

/**
 * How stale `last_used_at` may get: the sessions list says "last used" to within these minutes,
 * and a busy session costs one UPDATE per interval instead of one per request.
 */
export const LAST_USED_GRANULARITY_MS = 5 * 60_000;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Opaque bearer sessions: 256 random bits handed out once, only their hash kept. */
export class SessionService {
  constructor(
    private readonly db: Database,
    private readonly ttlDays: number,
    /** Where revocations are announced, so open WebSockets of the session close. */
    private readonly bus?: Pick<EventBus, "publish">,
  ) {}

  get ttlSeconds(): number {
    return this.ttlDays * 86_400;
  }

  /** A new session; `executor` is a unit of work's transaction when the login is part of a write (a reset). */
  async create(
    userId: string,
    userAgent: string | undefined,
    executor: Executor = this.db,
  ): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString("base64url");
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.ttlDays * DAY_MS);
    await executor.insert(sessions).values({
      userId,
      tokenHash: hashToken(token),
      expiresAt,
      lastUsedAt: now,
      userAgent: userAgent?.slice(0, 300) ?? null,
    });
    return { token, expiresAt };
  }

  /** The viewer a token stands for, or null when it is unknown, expired or revoked. */
  async resolve(token: string): Promise<Viewer | null> {
    return (await this.resolveSession(token))?.viewer ?? null;
  }

  /** As `resolve`, with the session's expiry: a WebSocket closes when it passes. */
  async resolveSession(token: string): Promise<{ viewer: Viewer; expiresAt: Date } | null> {
    if (!token || token.length > 200) return null;
    const [row] = await this.db
      .select({
        sessionId: sessions.id,
        id: users.id,
        role: users.role,
        verifiedAt: users.emailVerifiedAt,
        restrictedUntil: users.restrictedUntil,
        suspendedUntil: users.suspendedUntil,
        expiresAt: sessions.expiresAt,
        lastUsedAt: sessions.lastUsedAt,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(
        and(eq(sessions.tokenHash, hashToken(token)), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())),
      )
      .limit(1);
    if (!row) return null;
    await this.touch(row.sessionId, row.lastUsedAt);
    const viewer = {
      id: row.id,
      role: row.role,
      sessionId: row.sessionId,
      verified: row.verifiedAt !== null,
      restricted: row.restrictedUntil !== null,
      restrictedUntil: row.restrictedUntil,
      suspendedUntil: suspensionInForce(row.suspendedUntil),
    };
    return { viewer, expiresAt: row.expiresAt };
  }

  /**
   * Refreshes `last_used_at` when it is older than the granularity: one conditional UPDATE (the
   * condition again in SQL, so concurrent requests of one session write it once), not one per request.
   */
  private async touch(sessionId: string, lastUsedAt: Date | null): Promise<void> {
    const now = new Date();
    const staleBefore = new Date(now.getTime() - LAST_USED_GRANULARITY_MS);
    if (lastUsedAt && lastUsedAt > staleBefore) return;
    await this.db
      .update(sessions)
      .set({ lastUsedAt: now })
      .where(and(eq(sessions.id, sessionId), or(isNull(sessions.lastUsedAt), lt(sessions.lastUsedAt, staleBefore))));
  }

  /** The account's live sessions, the most recently used first. */
  list(userId: string): Promise<SessionRow[]> {
    return this.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())))
      .orderBy(desc(sessions.lastUsedAt), desc(sessions.createdAt));
  }

  /** Ends one of the viewer's own sessions (the current one too: that is a logout). */
  async revokeOwn(viewer: Viewer | null, sessionId: string): Promise<void> {
    if (!viewer) throw unauthenticated();
    if (!isUuid(sessionId)) throw notFound("Session");
    await unitOfWork(this.db, async (work) => {
      const [row] = await work.tx.select().from(sessions).where(eq(sessions.id, sessionId)).for("update");
      if (!row) throw notFound("Session");
      if (row.userId !== viewer.id) throw forbidden("This session belongs to another account.");
      if (row.revokedAt || row.expiresAt <= new Date()) throw conflict("This session has already ended.");
      await this.revokeWithin(work, row.userId, { only: sessionId });
    });
  }

  /**
   * Ends sessions of an account inside the caller's unit of work: every one (a password reset),
   * every one but `except` (a password change), or `only` one. Their sockets close after commit.
   */
  async revokeWithin(
    { tx, afterCommit }: Pick<Work, "tx" | "afterCommit">,
    userId: string,
    which: { except?: string; only?: string } = {},
  ): Promise<number> {
    const revoked = await tx
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(sessions.userId, userId),
          isNull(sessions.revokedAt),
          which.except ? ne(sessions.id, which.except) : undefined,
          which.only ? eq(sessions.id, which.only) : undefined,
        ),
      )
      .returning({ id: sessions.id });
    afterCommit(() => {
      for (const { id } of revoked) this.bus?.publish("session", { type: "REVOKED", sessionId: id });
    });
    return revoked.length;
  }

  /** Ends the session; its open WebSockets, on every api instance, close once it is committed. */
  async revoke(sessionId: string): Promise<void> {
    await unitOfWork(this.db, async ({ tx, afterCommit }) => {
      await tx.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId));
      afterCommit(() => this.bus?.publish("session", { type: "REVOKED", sessionId }));
    });
  }
}

/**
 * The end of a suspension still ahead, else null. Compared with the time here rather than left to
 * the sweeper (which clears the column within minutes of the end): a suspension must not outlast
 * its end by a sweep, nor the sweeper need to run for an account to be let back in.
 */
export const suspensionInForce = (until: Date | null): Date | null =>
  until !== null && until.getTime() > Date.now() ? until : null;
