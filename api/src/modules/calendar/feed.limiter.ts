import type { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { rateLimited } from "../../core/errors.js";

/** Feed resets per account and hour: enough to revoke a leaked URL and fix a mistake, not a loop. */
export const FEED_RESETS_PER_HOUR = 5;

/** Counts each account's feed resets, in Redis when REDIS_URL is set (one budget across instances). */
export class FeedResetLimiter {
  private readonly budget: RateLimiterAbstract;

  constructor(redis: Redis | undefined, keyPrefix = "calendar-feed-reset") {
    const budget = { keyPrefix, points: FEED_RESETS_PER_HOUR, duration: 60 * 60 };
    this.budget = redis ? new RateLimiterRedis({ storeClient: redis, ...budget }) : new RateLimiterMemory(budget);
  }

  async take(userId: string): Promise<void> {
    try {
      await this.budget.consume(userId);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const seconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      throw rateLimited(
        `You reset your calendar feed too often. Try again in ${Math.ceil(seconds / 60)} minute(s).`,
        seconds,
        {
          limit: FEED_RESETS_PER_HOUR,
        },
      );
    }
  }
}
