import type { Redis } from "ioredis";
import pLimit from "p-limit";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { rateLimited } from "../../core/errors.js";

type Budget = { readonly points: number; readonly duration: number };

/** The limits of the account endpoints, durations in seconds. */
export const IDENTITY_LIMITS = {
  login: {
    // Failed logins per account and address before RATE_LIMITED, and per address overall.
    perAccount: { points: 5, duration: 15 * 60 },
    perAddress: { points: 50, duration: 15 * 60 },
  },
  register: {
    // Every attempt counts, accepted or not: accounts must not be made in bulk, and each
    // "this email already exists" answer tells whether someone is registered.
    perEmail: { points: 5, duration: 60 * 60 },
    perAddress: { points: 20, duration: 60 * 60 },
  },
  // Emails an account or a stranger can make us send: each is work and lands in someone's inbox.
  resendConfirmation: {
    perAccount: { points: 3, duration: 60 * 60 },
  },
  // Each request mails a link to an address of the requester's choosing: not a way to send mail.
  emailChange: {
    perAccount: { points: 5, duration: 60 * 60 },
  },
  passwordReset: {
    // Counted for every request, whether or not the address has an account, so the limit
    // itself tells nothing about who is registered.
    perEmail: { points: 3, duration: 60 * 60 },
    perAddress: { points: 20, duration: 60 * 60 },
  },
  // argon2 takes ~19 MiB and tens of milliseconds per hash: a flood of logins or registrations
  // must queue, not exhaust memory. Beyond the queue the server answers "busy" at once.
  concurrentHashes: 4,
  maxQueuedHashes: 64,
} as const satisfies {
  login: Record<string, Budget>;
  register: Record<string, Budget>;
  resendConfirmation: Record<string, Budget>;
  emailChange: Record<string, Budget>;
  passwordReset: Record<string, Budget>;
  concurrentHashes: number;
  maxQueuedHashes: number;
};

/**
 * Guards the account endpoints (login, register, the confirmation and reset emails): counts attempts per key (in Redis when
 * there are many api instances, so the limits hold across them) and bounds how many argon2
 * hashes run at once.
 */
export class IdentityGuard {
  private readonly login: { perAccount: RateLimiterAbstract; perAddress: RateLimiterAbstract };
  private readonly register: { perEmail: RateLimiterAbstract; perAddress: RateLimiterAbstract };
  private readonly resend: RateLimiterAbstract;
  private readonly emailChange: RateLimiterAbstract;
  private readonly reset: { perEmail: RateLimiterAbstract; perAddress: RateLimiterAbstract };
  private readonly hashSlots = pLimit(IDENTITY_LIMITS.concurrentHashes);

  constructor(redis?: Redis) {
    const make = (keyPrefix: string, budget: Budget) =>
      redis
        ? new RateLimiterRedis({ storeClient: redis, keyPrefix, ...budget })
        : new RateLimiterMemory({ keyPrefix, ...budget });
    this.login = {
      perAccount: make("login-account", IDENTITY_LIMITS.login.perAccount),
      perAddress: make("login-address", IDENTITY_LIMITS.login.perAddress),
    };
    this.register = {
      perEmail: make("register-email", IDENTITY_LIMITS.register.perEmail),
      perAddress: make("register-address", IDENTITY_LIMITS.register.perAddress),
    };
    this.resend = make("resend-confirmation", IDENTITY_LIMITS.resendConfirmation.perAccount);
    this.emailChange = make("email-change", IDENTITY_LIMITS.emailChange.perAccount);
    this.reset = {
      perEmail: make("reset-email", IDENTITY_LIMITS.passwordReset.perEmail),
      perAddress: make("reset-address", IDENTITY_LIMITS.passwordReset.perAddress),
    };
  }

  /** Refuses a login before any hashing when either budget of failures is spent. */
  async checkLogin(email: string, address: string): Promise<void> {
    const [account, ip] = await Promise.all([
      this.login.perAccount.get(accountKey(email, address)),
      this.login.perAddress.get(address),
    ]);
    const spent = [
      { res: account, limit: IDENTITY_LIMITS.login.perAccount.points },
      { res: ip, limit: IDENTITY_LIMITS.login.perAddress.points },
    ].find(({ res, limit }) => res !== null && res.consumedPoints >= limit);
    if (spent?.res) throw tooMany(spent.res, "Too many failed attempts.");
  }

  async recordLoginFailure(email: string, address: string): Promise<void> {
    await Promise.all([
      this.login.perAccount.penalty(accountKey(email, address), 1),
      this.login.perAddress.penalty(address, 1),
    ]);
  }

  async recordLoginSuccess(email: string, address: string): Promise<void> {
    await this.login.perAccount.delete(accountKey(email, address));
  }

  /**
   * Counts one registration attempt against the address and the (normalised) email, refusing
   * before any hashing when either budget is spent. `consume` counts and checks in one step,
   * in Redis too, so concurrent attempts on several instances cannot all slip under the limit.
   * The address goes first: a flood from one address then spends no email's budget.
   */
  async admitRegistration(email: string, address: string): Promise<void> {
    await consumeOrRefuse(async () => {
      await this.register.perAddress.consume(address);
      await this.register.perEmail.consume(email);
    }, "Too many sign-up attempts.");
  }

  /** Counts one "send the confirmation again" of an account. */
  async admitResend(userId: string): Promise<void> {
    await consumeOrRefuse(() => this.resend.consume(userId), "Too many confirmation emails asked for.");
  }

  /** Counts one address change asked for by an account (each sends two emails). */
  async admitEmailChange(userId: string): Promise<void> {
    await consumeOrRefuse(() => this.emailChange.consume(userId), "Too many address changes asked for.");
  }

  /** Counts one password-reset request against the address and the (normalised) email. */
  async admitPasswordReset(email: string, address: string): Promise<void> {
    await consumeOrRefuse(async () => {
      await this.reset.perAddress.consume(address);
      await this.reset.perEmail.consume(email);
    }, "Too many password reset requests.");
  }

  /** Runs an argon2 operation within the concurrency bound. */
  async hashing<T>(work: () => Promise<T>): Promise<T> {
    if (this.hashSlots.pendingCount >= IDENTITY_LIMITS.maxQueuedHashes) {
      throw rateLimited("The server is busy signing people in. Try again in a few seconds.", 5);
    }
    return this.hashSlots(work);
  }
}

/** rate-limiter-flexible rejects with a RateLimiterRes when a budget is spent: that becomes RATE_LIMITED. */
async function consumeOrRefuse(consume: () => Promise<unknown>, what: string): Promise<void> {
  try {
    await consume();
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) throw tooMany(refusal, what);
    throw refusal;
  }
}

const accountKey = (email: string, address: string) => `${email}|${address}`;

function tooMany(res: RateLimiterRes, what: string) {
  const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return rateLimited(`${what} Try again in ${Math.ceil(seconds / 60)} minute(s).`, seconds);
}
