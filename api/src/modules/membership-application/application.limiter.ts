import type { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { rateLimited } from "../../core/errors.js";

/** Applications one account may submit per day: a person applies for an organisation or two, not more. */
export const APPLICATIONS_PER_DAY = 3;

/**
 * Counts each account's submitted applications, in Redis when REDIS_URL is set (one budget
 * across every api instance, as trust/new-member-limiter.ts), in process otherwise. Only accepted
 * submissions count: a refused one gives its point back.
 */
export class ApplicationLimiter {
  private readonly budget: RateLimiterAbstract;

  constructor(redis: Redis | undefined, keyPrefix = "membership-applications") {
    const budget = { keyPrefix, points: APPLICATIONS_PER_DAY, duration: 24 * 60 * 60 };
    this.budget = redis ? new RateLimiterRedis({ storeClient: redis, ...budget }) : new RateLimiterMemory(budget);
  }

  /** Spends one point, or RATE_LIMITED with the seconds until the next. */
  async take(userId: string): Promise<void> {
    try {
      await this.budget.consume(userId);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      // The refused attempt was counted too: take it back, so a refusal costs nothing.
      await this.giveBack(userId);
      const seconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      throw rateLimited(
        `You have sent ${APPLICATIONS_PER_DAY} applications today. Try again in ${Math.ceil(seconds / 3600)} hour(s).`,
        seconds,
        { limit: APPLICATIONS_PER_DAY },
      );
    }
  }

  async giveBack(userId: string): Promise<void> {
    await this.budget.reward(userId, 1);
  }
}
