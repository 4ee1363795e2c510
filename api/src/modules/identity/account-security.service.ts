import { type Database, hashPassword, type UserRow, users, verifyPassword } from "@pratica/db";
import { PASSWORD_MAX, PASSWORD_MIN } from "@pratica/rules";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Caller } from "../../core/context.js";
import { badInput, conflict, forbidden, unauthenticated } from "../../core/errors.js";
import { unitOfWork } from "../../core/unit-of-work.js";
import { parseInput } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import type { MailService } from "../mail/mail.service.js";
import { emailChangeConfirmationEmail, emailChangeNoticeEmail, passwordChangedEmail } from "./account-emails.js";
import { consumeToken, issueToken, retireTokens, tokenRefused } from "./account-tokens.js";
import { emailRule } from "./identity.rules.js";
import type { IdentityGuard } from "./identity-guard.js";
import type { SessionService } from "./session.service.js";

const currentPassword = z
  .string()
  .min(1, "Enter your current password.")
  .max(PASSWORD_MAX, "This is not your password.");
const changePasswordRules = z.object({
  currentPassword,
  newPassword: z
    .string()
    .min(PASSWORD_MIN, `Password needs at least ${PASSWORD_MIN} characters.`)
    .max(PASSWORD_MAX, `Password may be at most ${PASSWORD_MAX} characters.`),
});
const changeEmailRules = z.object({ newEmail: emailRule, password: currentPassword });

type UserWithHash = UserRow & { passwordHash: string };

/** What a logged-in account changes about its own security: the password and the address. */
export class AccountSecurityService {
  constructor(
    private readonly db: Database,
    private readonly mail: MailService,
    private readonly sessions: SessionService,
    private readonly guard: IdentityGuard,
  ) {}

  /** Asks the current password (counted as a login failure when wrong), then ends the other sessions. */
  async changePassword(viewer: Viewer | null, input: unknown, caller: Caller): Promise<void> {
    if (!viewer) throw unauthenticated();
    const { currentPassword, newPassword } = parseInput(changePasswordRules, input);
    const user = await this.proveOwner(viewer, currentPassword, "currentPassword", caller);
    const passwordHash = await this.guard.hashing(() => hashPassword(newPassword));
    await unitOfWork(this.db, async (work) => {
      await work.tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, user.id));
      await this.sessions.revokeWithin(work, user.id, { except: viewer.sessionId });
      // A reset link sent before the change must not undo it.
      await retireTokens(work.tx, user.id, "RESET_PASSWORD");
      await this.mail.enqueue(work, passwordChangedEmail(user, this.securityUrl()));
    });
  }

  /** Sends a confirmation link to the new address and a notice to the current one; nothing changes yet. */
  async changeEmail(viewer: Viewer | null, input: unknown, caller: Caller): Promise<void> {
    if (!viewer) throw unauthenticated();
    const { newEmail, password } = parseInput(changeEmailRules, input);
    const user = await this.proveOwner(viewer, password, "password", caller);
    if (newEmail === user.email.toLowerCase()) throw badInput("newEmail", "This is already your address.");
    if (await this.emailTaken(this.db, newEmail)) {
      throw badInput("newEmail", "Another account uses this address.");
    }
    await this.guard.admitEmailChange(user.id);
    await unitOfWork(this.db, async (work) => {
      // One pending change at a time: an earlier link to another address stops working.
      await retireTokens(work.tx, user.id, "CHANGE_EMAIL");
      const { token } = await issueToken(work.tx, {
        purpose: "CHANGE_EMAIL",
        email: newEmail,
        userId: user.id,
        payload: { newEmail },
      });
      const recipient = { ...user, newEmail };
      const url = this.mail.url("/confirm-email-change", { token });
      await this.mail.enqueue(work, emailChangeConfirmationEmail(recipient, url));
      await this.mail.enqueue(work, emailChangeNoticeEmail(recipient, this.securityUrl()));
    });
  }

  /** Applies a change from the link sent to the new address, which it thereby confirms. */
  async confirmEmailChange(viewer: Viewer | null, token: string): Promise<UserRow> {
    try {
      return await unitOfWork(this.db, async ({ tx }) => {
        const row = await consumeToken(tx, "CHANGE_EMAIL", token);
        const newEmail = typeof row.payload.newEmail === "string" ? row.payload.newEmail : undefined;
        if (!row.userId || !newEmail) throw tokenRefused("UNKNOWN");
        if (viewer && viewer.id !== row.userId) {
          throw forbidden("This link changes another account's address. Log out first, then open it again.");
        }
        if (await this.emailTaken(tx, newEmail)) throw addressTaken();
        const [updated] = await tx
          .update(users)
          .set({ email: newEmail, emailVerifiedAt: new Date(), updatedAt: new Date() })
          .where(eq(users.id, row.userId))
          .returning();
        if (!updated || updated.deletedAt) throw tokenRefused("UNKNOWN");
        // Links sent to the old address no longer speak for the account.
        for (const purpose of ["CHANGE_EMAIL", "VERIFY_EMAIL", "RESET_PASSWORD"] as const) {
          await retireTokens(tx, updated.id, purpose);
        }
        return updated;
      });
    } catch (error) {
      // Taken between the check and the update by a registration that committed first.
      if (isUniqueViolation(error)) throw addressTaken();
      throw error;
    }
  }

  /** The password proves the owner is at the keyboard; a wrong one counts against the login limit. */
  private async proveOwner(viewer: Viewer, password: string, field: string, caller: Caller): Promise<UserWithHash> {
    const [user] = await this.db.select().from(users).where(eq(users.id, viewer.id)).limit(1);
    if (!user || user.deletedAt) throw unauthenticated();
    const email = user.email.toLowerCase();
    await this.guard.checkLogin(email, caller.address);
    const ok = await this.guard.hashing(() => verifyPassword(user.passwordHash, password));
    if (!ok) {
      await this.guard.recordLoginFailure(email, caller.address);
      throw badInput(field, "This is not your current password.");
    }
    return user;
  }

  private async emailTaken(db: Pick<Database, "select">, email: string): Promise<boolean> {
    const [taken] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, email))
      .limit(1);
    return taken !== undefined;
  }

  private securityUrl(): string {
    return this.mail.url("/account/security");
  }
}

const addressTaken = () =>
  conflict("Another account started using this address after you asked for the change. Choose another address.");

/** PostgreSQL's unique_violation, as postgres.js and PGlite report it (drizzle may wrap it as the cause). */
function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 3; depth++) {
    if ((e as { code?: unknown }).code === "23505") return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
