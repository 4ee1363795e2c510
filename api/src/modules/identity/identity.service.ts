import { randomInt } from "node:crypto";
import { type Database, handleFrom, hashPassword, type UserRow, users, verifyPassword } from "@pratica/db";
import { eq, sql } from "drizzle-orm";
import type { Caller } from "../../core/context.js";
import { badInput, unauthenticated } from "../../core/errors.js";
import { unitOfWork } from "../../core/unit-of-work.js";
import { parseInput } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import { loginRules, profileRules, registerRules } from "./identity.rules.js";
import type { IdentityGuard } from "./identity-guard.js";
import type { PasswordResetService } from "./password-reset.service.js";
import type { SessionService } from "./session.service.js";
import type { EmailVerificationService } from "./verification.service.js";

export type SignedIn = { token: string; expiresAt: Date; user: UserRow };

// Verified against when the email is unknown, so a missing account costs the same time as a
// wrong password and response times do not reveal who is registered.
let dummyHash: Promise<string> | undefined;
const timingEqualiser = () => {
  dummyHash ??= hashPassword("pratica-timing-equaliser");
  return dummyHash;
};

export class IdentityService {
  constructor(
    private readonly db: Database,
    private readonly sessions: SessionService,
    private readonly guard: IdentityGuard,
    private readonly verification: EmailVerificationService,
    private readonly passwordReset: PasswordResetService,
  ) {}

  /**
   * Emails the account a password-reset link (valid one hour, single use), as "Forgot your
   * password?" would: for the admin area's "send a reset link". `by` is the admin, kept on the token.
   */
  sendPasswordResetLink(userId: string, by?: string): Promise<void> {
    return this.passwordReset.sendLink(userId, by);
  }

  /** As `sendPasswordResetLink`, for the account with that address (nothing when none has it). */
  sendPasswordResetLinkTo(email: string, by?: string): Promise<void> {
    return this.passwordReset.sendLinkTo(email, by);
  }

  async register(input: unknown, caller: Caller): Promise<SignedIn> {
    const { email, password, displayName } = parseInput(registerRules, input);
    // Counted before the hash, so a refused attempt costs no argon2 work and creates nothing.
    await this.guard.admitRegistration(email, caller.address);
    const passwordHash = await this.guard.hashing(() => hashPassword(password));
    const base = handleFrom(displayName);
    // The handle is derived from the name; on a clash, a short random suffix makes it unique.
    for (let attempt = 0; attempt < 6; attempt++) {
      const handle = attempt === 0 ? base : `${base}-${randomInt(1000, 10_000)}`;
      // The account and its confirmation email commit together. Its emails speak the language
      // the register form was shown in.
      const user = await unitOfWork(this.db, async (work) => {
        const [created] = await work.tx
          .insert(users)
          .values({ email, handle, displayName, passwordHash, locale: caller.locale })
          .onConflictDoNothing()
          .returning();
        if (created) await this.verification.sendConfirmation(work, created);
        return created;
      });
      if (user) return { ...(await this.sessions.create(user.id, caller.userAgent)), user };
      const [taken] = await this.db
        .select({ id: users.id })
        .from(users)
        .where(eq(sql`lower(${users.email})`, email))
        .limit(1);
      if (taken) throw badInput("email", "An account with this email already exists. Log in instead.");
    }
    throw new Error("could not find a free handle");
  }

  async login(input: unknown, caller: Caller): Promise<SignedIn> {
    const { email, password } = parseInput(loginRules, input);
    await this.guard.checkLogin(email, caller.address);
    const [user] = await this.db
      .select()
      .from(users)
      .where(eq(sql`lower(${users.email})`, email))
      .limit(1);
    const storedHash = user?.passwordHash ?? (await timingEqualiser());
    const ok = await this.guard.hashing(() => verifyPassword(storedHash, password));
    if (!user || !ok) {
      await this.guard.recordLoginFailure(email, caller.address);
      throw unauthenticated("Email or password is not correct.");
    }
    // A suspended account still logs in (its sessions were revoked when it was suspended): to a
    // session that reads what anyone reads and may only appeal and write to its case's moderators
    // (write-gate.ts), so that a suspension never shuts the door on its own appeal.
    await this.guard.recordLoginSuccess(email, caller.address);
    return { ...(await this.sessions.create(user.id, caller.userAgent)), user };
  }

  async logout(viewer: Viewer | null): Promise<void> {
    if (!viewer) throw unauthenticated();
    await this.sessions.revoke(viewer.sessionId);
  }

  async updateProfile(viewer: Viewer | null, input: unknown): Promise<UserRow> {
    if (!viewer) throw unauthenticated();
    const changes = parseInput(profileRules, input);
    const [user] = await this.db
      .update(users)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(users.id, viewer.id))
      .returning();
    if (!user) throw unauthenticated();
    return user;
  }
}
