import { calendarFeeds, type Database, users } from "@pratica/db";
import { eq } from "drizzle-orm";
import type { Locale } from "../../core/context.js";
import { unauthenticated } from "../../core/errors.js";
import { unitOfWork } from "../../core/unit-of-work.js";
import type { Viewer } from "../../core/viewer.js";
import type { FeedResetLimiter } from "./feed.limiter.js";
import { feedToken, feedTokenHash, isFeedToken } from "./feed-token.js";

/** The personal calendar feed's address: made, shown again to its owner, replaced, and resolved. */
export class CalendarFeedService {
  constructor(
    private readonly db: Database,
    private readonly secret: string,
    /** An absolute URL on PUBLIC_ORIGIN (the mail service's, which links emails the same way). */
    private readonly url: (path: string) => string,
    private readonly limiter: FeedResetLimiter,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The viewer's feed URL, or null until they made one. */
  async feedUrl(viewer: Viewer | null): Promise<string | null> {
    if (!viewer) throw unauthenticated();
    const [feed] = await this.db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, viewer.id));
    return feed ? this.urlOf(viewer.id, feed.createdAt) : null;
  }

  /** A new feed URL; the previous one stops working at once. */
  async reset(viewer: Viewer | null): Promise<string> {
    if (!viewer) throw unauthenticated();
    await this.limiter.take(viewer.id);
    const madeAt = await unitOfWork(this.db, async ({ tx }) => {
      const [old] = await tx.select().from(calendarFeeds).where(eq(calendarFeeds.userId, viewer.id)).for("update");
      // A reset within the same millisecond must still change the token (it is made from this moment).
      const now = this.now();
      const at = old && old.createdAt.getTime() >= now.getTime() ? new Date(old.createdAt.getTime() + 1) : now;
      const tokenHash = feedTokenHash(feedToken(this.secret, viewer.id, at));
      await tx
        .insert(calendarFeeds)
        .values({ userId: viewer.id, tokenHash, createdAt: at })
        .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash, createdAt: at } });
      return at;
    });
    return this.urlOf(viewer.id, madeAt);
  }

  /** The feed's owner and their language, or null for an unknown or revoked token. */
  async owner(token: string): Promise<{ userId: string; locale: Locale } | null> {
    if (!isFeedToken(token)) return null;
    const [row] = await this.db
      .select({ userId: calendarFeeds.userId, locale: users.locale })
      .from(calendarFeeds)
      .innerJoin(users, eq(users.id, calendarFeeds.userId))
      .where(eq(calendarFeeds.tokenHash, feedTokenHash(token)));
    return row ?? null;
  }

  private urlOf(userId: string, madeAt: Date): string {
    return this.url(`/calendar/${feedToken(this.secret, userId, madeAt)}.ics`);
  }
}
