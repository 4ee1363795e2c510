import { createHash, randomBytes } from "node:crypto";
import { type Database, sessions, users } from "@pratica/db";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { EventBus } from "../../core/event-bus.js";
import { unitOfWork } from "../../core/unit-of-work.js";
import type { Viewer } from "../../core/viewer.js";

const DAY_MS = 86_400_000;

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

  async create(userId: string, userAgent: string | undefined): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(Date.now() + this.ttlDays * DAY_MS);
    await this.db
      .insert(sessions)
      .values({ userId, tokenHash: hashToken(token), expiresAt, userAgent: userAgent?.slice(0, 300) ?? null });
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
        expiresAt: sessions.expiresAt,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(
        and(eq(sessions.tokenHash, hashToken(token)), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())),
      )
      .limit(1);
    if (!row) return null;
    const viewer = { id: row.id, role: row.role, sessionId: row.sessionId, verified: row.verifiedAt !== null };
    return { viewer, expiresAt: row.expiresAt };
  }

  /** Ends the session; its open WebSockets, on every api instance, close once it is committed. */
  async revoke(sessionId: string): Promise<void> {
    await unitOfWork(this.db, async ({ tx, afterCommit }) => {
      await tx.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId));
      afterCommit(() => this.bus?.publish("session", { type: "REVOKED", sessionId }));
    });
  }
}
