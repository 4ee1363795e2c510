import { type Database, type UserRow, users } from "@pratica/db";
import { eq, sql } from "drizzle-orm";
import { conflict, forbidden, unauthenticated } from "../../core/errors.js";
import { unitOfWork, type Work } from "../../core/unit-of-work.js";
import type { Viewer } from "../../core/viewer.js";
import type { MailService } from "../mail/mail.service.js";
import { confirmationEmail } from "./account-emails.js";
import { consumeToken, issueToken, retireTokens, tokenRefused } from "./account-tokens.js";
import type { IdentityGuard } from "./identity-guard.js";

/** Confirming that an account's address is its owner's: the link sent at registration, and again on request. */
export class EmailVerificationService {
  constructor(
    private readonly db: Database,
    private readonly mail: MailService,
    private readonly guard: IdentityGuard,
  ) {}

  /** Queues the confirmation link in the caller's unit of work: no account, no email. */
  async sendConfirmation(work: Pick<Work, "tx">, user: UserRow): Promise<void> {
    const { token } = await issueToken(work.tx, { purpose: "VERIFY_EMAIL", email: user.email, userId: user.id });
    await this.mail.enqueue(work, confirmationEmail(user, this.mail.url("/confirm-email", { token })));
  }

  /** Sends the link again, at most a few times an hour per account; earlier links keep working. */
  async resend(viewer: Viewer | null): Promise<void> {
    if (!viewer) throw unauthenticated();
    const user = await this.userOf(this.db, viewer.id);
    if (!user) throw unauthenticated();
    // The state first: an already confirmed account spends nothing of its budget.
    if (user.emailVerifiedAt) throw conflict("Your email address is already confirmed.");
    await this.guard.admitResend(viewer.id);
    await unitOfWork(this.db, (work) => this.sendConfirmation(work, user));
  }

  /**
   * The link is the proof, so no login is needed; logged in as someone else, the click is refused
   * (FORBIDDEN) and the link stays unused, so its owner can still use it.
   */
  async confirm(viewer: Viewer | null, token: string): Promise<UserRow> {
    return unitOfWork(this.db, async ({ tx }) => {
      const row = await consumeToken(tx, "VERIFY_EMAIL", token);
      if (!row.userId) throw tokenRefused("UNKNOWN");
      if (viewer && viewer.id !== row.userId) {
        throw forbidden("This link confirms another account's address. Log out first, then open it again.");
      }
      const user = await this.userOf(tx, row.userId);
      // The account's address changed since the link was sent: it proves nothing about the new one.
      if (!user || user.email.toLowerCase() !== row.email.toLowerCase()) throw tokenRefused("UNKNOWN");
      const [confirmed] = await tx
        .update(users)
        .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`, updatedAt: new Date() })
        .where(eq(users.id, user.id))
        .returning();
      await retireTokens(tx, user.id, "VERIFY_EMAIL");
      if (!confirmed) throw tokenRefused("UNKNOWN");
      return confirmed;
    });
  }

  private async userOf(db: Pick<Database, "select">, id: string): Promise<UserRow | undefined> {
    const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
    return user && !user.deletedAt ? user : undefined;
  }
}
