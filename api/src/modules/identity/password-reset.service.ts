import { type Database, hashPassword, users } from "@pratica/db";
import { PASSWORD_MAX, PASSWORD_MIN } from "@pratica/rules";
import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Caller } from "../../core/context.js";
import type { JobQueue } from "../../core/job-queue.js";
import { unitOfWork } from "../../core/unit-of-work.js";
import { parseInput } from "../../core/validate.js";
import type { MailService } from "../mail/mail.service.js";
import { passwordResetEmail } from "./account-emails.js";
import { consumeToken, issueToken, retireTokens, tokenRefused } from "./account-tokens.js";
import { emailRule } from "./identity.rules.js";
import type { SignedIn } from "./identity.service.js";
import type { IdentityGuard } from "./identity-guard.js";
import type { SessionService } from "./session.service.js";

export const PASSWORD_RESET_QUEUE = "password-reset";

/**
 * A few tries for a database that was away; a request not worked within the hour is dropped (a
 * link that comes hours late is no use), and a worked one is deleted after an hour: each job holds
 * an address someone typed, which need not be kept.
 */
const QUEUE_OPTIONS = {
  retryLimit: 3,
  retryDelay: 10,
  retryBackoff: true,
  expireInSeconds: 300,
  retentionSeconds: 3600,
  deleteAfterSeconds: 3600,
} as const;

type ResetJob = { email: string };

const requestRules = z.object({ email: emailRule });
const resetRules = z.object({
  token: z.string().min(1, "The link has no token.").max(200, "This link is not valid."),
  password: z
    .string()
    .min(PASSWORD_MIN, `Password needs at least ${PASSWORD_MIN} characters.`)
    .max(PASSWORD_MAX, `Password may be at most ${PASSWORD_MAX} characters.`),
});

export type ResetQueueSettings = { queue: JobQueue; pollingIntervalSeconds?: number | undefined; deliver: boolean };

/**
 * "Forgot your password?" without account discovery: a request only checks the address's shape
 * and the rate limits and queues a job carrying the address, whether or not an account has it,
 * so the answer, the statements it runs and its timing are the same either way. The job (on any
 * api instance) looks the account up and, when there is one, sends the link.
 */
export class PasswordResetService {
  private working = false;

  constructor(
    private readonly db: Database,
    private readonly mail: MailService,
    private readonly sessions: SessionService,
    private readonly guard: IdentityGuard,
    private readonly settings: ResetQueueSettings | undefined,
  ) {}

  async request(input: unknown, caller: Caller): Promise<void> {
    const { email } = parseInput(requestRules, input);
    await this.guard.admitPasswordReset(email, caller.address);
    if (!this.settings) throw new Error("password reset: no job queue in this process");
    const id = await this.settings.queue.send(PASSWORD_RESET_QUEUE, { email } satisfies ResetJob);
    if (!id) throw new Error("password reset: the queue refused the job");
  }

  /** The job's work: the link to the account with that address, if any. */
  handle({ email }: ResetJob): Promise<void> {
    return this.sendLinkTo(email);
  }

  /** Sends a reset link to the account with that address, if there is one (nothing otherwise). */
  async sendLinkTo(email: string, createdBy?: string): Promise<void> {
    const [user] = await this.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(sql`lower(${users.email})`, email.trim().toLowerCase()), isNull(users.deletedAt)))
      .limit(1);
    if (user) await this.sendLink(user.id, createdBy);
  }

  /** Sends a reset link to an account (also for the admin area's "send a reset link"). */
  async sendLink(userId: string, createdBy?: string): Promise<void> {
    await unitOfWork(this.db, async (work) => {
      const [user] = await work.tx.select().from(users).where(eq(users.id, userId)).limit(1);
      if (!user || user.deletedAt) return;
      const { token } = await issueToken(work.tx, {
        purpose: "RESET_PASSWORD",
        email: user.email,
        userId: user.id,
        createdBy: createdBy ?? null,
      });
      await this.mail.enqueue(work, passwordResetEmail(user, this.mail.url("/reset-password", { token })));
    });
  }

  /**
   * Sets the new password, ends every session of the account (its sockets close), spends every
   * other reset link, marks the address confirmed (the link reached it) and signs in.
   */
  async reset(input: unknown, caller: Caller): Promise<SignedIn> {
    const { token, password } = parseInput(resetRules, input);
    // Hashed before the transaction: argon2 takes tens of milliseconds, no lock should wait on it.
    const passwordHash = await this.guard.hashing(() => hashPassword(password));
    return unitOfWork(this.db, async (work) => {
      const row = await consumeToken(work.tx, "RESET_PASSWORD", token);
      const [user] = row.userId ? await work.tx.select().from(users).where(eq(users.id, row.userId)).limit(1) : [];
      // Sent to an address the account no longer has, or to a deleted account: not valid.
      if (!user || user.deletedAt || user.email.toLowerCase() !== row.email.toLowerCase()) {
        throw tokenRefused("UNKNOWN");
      }
      // A suspended account resets its password as any other (it logs in to a limited session: write-gate.ts).
      const [updated] = await work.tx
        .update(users)
        .set({ passwordHash, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`, updatedAt: new Date() })
        .where(eq(users.id, user.id))
        .returning();
      if (!updated) throw tokenRefused("UNKNOWN");
      await retireTokens(work.tx, user.id, "RESET_PASSWORD");
      await this.sessions.revokeWithin(work, user.id);
      const session = await this.sessions.create(user.id, caller.userAgent, work.tx);
      return { ...session, user: updated };
    });
  }

  /** Creates the queue and starts this process's worker, when mail can leave (SMTP or the dev mailbox). */
  async start(): Promise<void> {
    if (!this.settings) return;
    const { queue } = this.settings;
    await queue.createQueue(PASSWORD_RESET_QUEUE, QUEUE_OPTIONS);
    await queue.updateQueue(PASSWORD_RESET_QUEUE, QUEUE_OPTIONS);
    if (!this.settings.deliver) return;
    this.working = true;
    await queue.work<ResetJob>(
      PASSWORD_RESET_QUEUE,
      { pollingIntervalSeconds: this.settings.pollingIntervalSeconds ?? 2 },
      async ([job]) => {
        if (job) await this.handle(job.data);
      },
    );
  }

  async stop(): Promise<void> {
    if (this.working) await this.settings?.queue.offWork(PASSWORD_RESET_QUEUE, { wait: true });
  }
}
