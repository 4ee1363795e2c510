import { type Database, users, watches } from "@pratica/db";
import { eq } from "drizzle-orm";
import { unitOfWork } from "../../core/unit-of-work.js";
import { type UnsubscribeScope, verifyUnsubscribe } from "../notification/unsubscribe-token.js";

export type UnsubscribeOutcome = {
  applied: boolean;
  what: UnsubscribeScope;
  /** The member's language: a mail client's POST says none of its own. */
  locale: "it" | "en" | null;
};

/**
 * The one-click unsubscribe of notification emails (RFC 8058). The link names the member and
 * exactly the scope it mutes, signed; reading it (`read`) changes nothing — link scanners fetch
 * links — and only the POST the mail client or the confirmation page sends applies it.
 */
export class UnsubscribeService {
  constructor(
    private readonly db: Database,
    private readonly signingSecret: string,
  ) {}

  /** What a token names, or null when it is malformed or tampered with. */
  read(token: unknown): UnsubscribeScope | null {
    return verifyUnsubscribe(this.signingSecret, token);
  }

  /** Mutes the named thread, community or document, or turns notification email off. Idempotent. */
  async apply(token: unknown): Promise<UnsubscribeOutcome | null> {
    const what = this.read(token);
    if (!what) return null;
    return unitOfWork(this.db, async ({ tx }) => {
      const [user] = await tx
        .select({ id: users.id, locale: users.locale })
        .from(users)
        .where(eq(users.id, what.userId));
      // A deleted account has nothing left to mute; the answer is the same.
      if (!user) return { applied: false, what, locale: null };
      if (what.scope === "EMAIL") {
        await tx.update(users).set({ emailDelivery: "NEVER", updatedAt: new Date() }).where(eq(users.id, user.id));
      } else {
        await tx
          .insert(watches)
          .values({ userId: user.id, scope: what.scope, scopeId: what.id, level: "MUTED" })
          .onConflictDoUpdate({
            target: [watches.userId, watches.scope, watches.scopeId],
            set: { level: "MUTED", updatedAt: new Date() },
          });
      }
      return { applied: true, what, locale: user.locale };
    });
  }
}
