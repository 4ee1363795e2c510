import type { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { rateLimited } from "../../core/errors.js";

/** Durations in seconds. */
export const ACCOUNT_LIMITS = {
  // A stolen session must not become a password oracle: wrong passwords per account.
  deletePasswordFailures: { points: 5, duration: 15 * 60 },
  // An export reads every row the account wrote: a few per hour is plenty for a person.
  exports: { points: 5, duration: 60 * 60 },
} as const;

/** The account endpoints' limits, in Redis when there are many api instances (as IdentityGuard). */
export class AccountGuard {
  private readonly failures: RateLimiterAbstract;
  private readonly exports: RateLimiterAbstract;

  constructor(redis?: Redis) {
    const make = (keyPrefix: string, budget: { points: number; duration: number }) =>
      redis
        ? new RateLimiterRedis({ storeClient: redis, keyPrefix, ...budget })
        : new RateLimiterMemory({ keyPrefix, ...budget });
    this.failures = make("account-delete-password", ACCOUNT_LIMITS.deletePasswordFailures);
    this.exports = make("account-export", ACCOUNT_LIMITS.exports);
  }

  async checkDeletion(userId: string): Promise<void> {
    const res = await this.failures.get(userId);
    if (res && res.consumedPoints >= ACCOUNT_LIMITS.deletePasswordFailures.points) {
      throw tooMany(res, "Too many wrong passwords.");
    }
  }

  async recordWrongPassword(userId: string): Promise<void> {
    await this.failures.penalty(userId, 1);
  }

  async admitExport(userId: string): Promise<void> {
    try {
      await this.exports.consume(userId);
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes)
        throw tooMany(refusal, "You have downloaded your data several times already.");
      throw refusal;
    }
  }
}

function tooMany(res: RateLimiterRes, what: string) {
  const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return rateLimited(`${what} Try again in ${Math.ceil(seconds / 60)} minute(s).`, seconds);
}
