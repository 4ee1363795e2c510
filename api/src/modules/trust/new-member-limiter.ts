import type { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { TrustSettings } from "./trust.policy.js";

export type CountedWrite = "thread" | "reply";

/**
 * Counts the threads and replies of accounts still limited as new. In Redis when REDIS_URL is
 * set, so the budget is one across every api instance (`consume` counts and checks in one step
 * there: concurrent posts on several instances cannot all slip under it); in process otherwise.
 */
export class NewMemberLimiter {
  private readonly budgets: Record<CountedWrite, RateLimiterAbstract>;

  constructor(settings: TrustSettings, redis: Redis | undefined, keyPrefix: string) {
    const make = (name: string, points: number, duration: number) =>
      redis
        ? new RateLimiterRedis({ storeClient: redis, keyPrefix: `${keyPrefix}:${name}`, points, duration })
        : new RateLimiterMemory({ keyPrefix: `${keyPrefix}:${name}`, points, duration });
    this.budgets = {
      thread: make("threads", settings.threadsPerDay, 24 * 60 * 60),
      reply: make("replies", settings.repliesPerMinute, 60),
    };
  }

  /** Spends one point; the milliseconds until the next point when the budget is spent, else null. */
  async take(kind: CountedWrite, userId: string): Promise<number | null> {
    try {
      await this.budgets[kind].consume(userId);
      return null;
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      // `consume` counted the refused attempt too: take it back, so that a refusal costs nothing
      // and a point given back later by a failed write frees exactly one accepted write.
      await this.giveBack(kind, userId);
      return refusal.msBeforeNext;
    }
  }

  /** Gives back the point of a write that was then refused or failed: only accepted writes count. */
  async giveBack(kind: CountedWrite, userId: string): Promise<void> {
    await this.budgets[kind].reward(userId, 1);
  }
}
