import type { Redis } from "ioredis";
import pLimit from "p-limit";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { rateLimited } from "../../core/errors.js";

/** Failed logins allowed per account and address before RATE_LIMITED, and per address overall. */
export const LOGIN_LIMITS = {
  perAccount: { points: 5, duration: 15 * 60 },
  perAddress: { points: 50, duration: 15 * 60 },
  // argon2 takes ~19 MiB and tens of milliseconds per hash: a flood of logins must queue, not
  // exhaust memory. Beyond the queue the server answers "busy" at once.
  concurrentHashes: 4,
  maxQueuedHashes: 64,
} as const;

/**
 * Guards password checks: counts failures (in Redis when there are many api instances, so the
 * limit holds across them) and bounds how many argon2 hashes run at once.
 */
export class LoginGuard {
  private readonly perAccount: RateLimiterAbstract;
  private readonly perAddress: RateLimiterAbstract;
  private readonly hashSlots = pLimit(LOGIN_LIMITS.concurrentHashes);

  constructor(redis?: Redis) {
    const make = (keyPrefix: string, opts: { points: number; duration: number }) =>
      redis
        ? new RateLimiterRedis({ storeClient: redis, keyPrefix, ...opts })
        : new RateLimiterMemory({ keyPrefix, ...opts });
    this.perAccount = make("login-account", LOGIN_LIMITS.perAccount);
    this.perAddress = make("login-address", LOGIN_LIMITS.perAddress);
  }

  /** Refuses before any hashing when either budget is spent. */
  async check(email: string, address: string): Promise<void> {
    const [account, ip] = await Promise.all([
      this.perAccount.get(accountKey(email, address)),
      this.perAddress.get(address),
    ]);
    const spent = [
      { res: account, limit: LOGIN_LIMITS.perAccount.points },
      { res: ip, limit: LOGIN_LIMITS.perAddress.points },
    ].find(({ res, limit }) => res !== null && res.consumedPoints >= limit);
    if (spent?.res) throw tooMany(spent.res);
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await Promise.all([this.perAccount.penalty(accountKey(email, address), 1), this.perAddress.penalty(address, 1)]);
  }

  async recordSuccess(email: string, address: string): Promise<void> {
    await this.perAccount.delete(accountKey(email, address));
  }

  /** Runs an argon2 operation within the concurrency bound. */
  async hashing<T>(work: () => Promise<T>): Promise<T> {
    if (this.hashSlots.pendingCount >= LOGIN_LIMITS.maxQueuedHashes) {
      throw rateLimited("The server is busy signing people in. Try again in a few seconds.", 5);
    }
    return this.hashSlots(work);
  }
}

const accountKey = (email: string, address: string) => `${email}|${address}`;

function tooMany(res: RateLimiterRes) {
  const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return rateLimited(`Too many failed attempts. Try again in ${Math.ceil(seconds / 60)} minute(s).`, seconds);
}
