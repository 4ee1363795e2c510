import { type Database, type Executor, posts, type WatchRow, watches } from "@pratica/db";
import { and, desc, eq, or } from "drizzle-orm";
import { DomainError, notFound, unauthenticated } from "../../core/errors.js";
import { unitOfWork } from "../../core/unit-of-work.js";
import { parseInput, withoutNulls } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import { canRead } from "../community/community.policy.js";
import type { CommunityService } from "../community/community.service.js";
import type { DeliverableService } from "../deliverable/deliverable.service.js";
import {
  communityLevel,
  deliverableLevel,
  type EffectiveLevel,
  threadLevel,
  type WatchLevel,
  type WatchScope,
} from "../notification/watch-levels.js";
import type { ThreadService } from "../thread/thread.service.js";
import { setWatchLevelRules } from "./preferences.rules.js";

/** A level as the viewer has it on one thing: the effective level, and whether they chose it or why it applies. */
export type WatchSetting = EffectiveLevel & { scope: WatchScope; scopeId: string; explicit: boolean };

type Subject =
  | { scope: "THREAD"; id: string; communityId: string; authorId: string }
  | {
      scope: "COMMUNITY";
      id: string;
      facilitator: boolean;
    }
  | { scope: "DELIVERABLE"; id: string; communityId: string };

/**
 * Watch levels (notification/watch-levels.ts has the rules): a member sets one on a community,
 * thread or document they may read, and each of those pages shows the level in force and why.
 */
export class WatchService {
  constructor(
    private readonly db: Database,
    private readonly communities: CommunityService,
    private readonly threads: ThreadService,
    private readonly deliverables: DeliverableService,
  ) {}

  async set(viewer: Viewer | null, input: unknown): Promise<WatchSetting> {
    if (!viewer) throw unauthenticated("Log in to choose what you hear about.");
    const { level, communityId, threadId, deliverableId } = parseInput(
      setWatchLevelRules,
      withoutNulls((input ?? {}) as object),
    );
    const subject = await this.subject(viewer, { communityId, threadId, deliverableId });
    return unitOfWork(this.db, async ({ tx }) => {
      // The member's own row, written in one statement: two tabs setting it at once leave one of the two.
      if (level) {
        await tx
          .insert(watches)
          .values({ userId: viewer.id, scope: subject.scope, scopeId: subject.id, level })
          .onConflictDoUpdate({
            target: [watches.userId, watches.scope, watches.scopeId],
            set: { level, updatedAt: new Date() },
          });
      } else {
        await tx
          .delete(watches)
          .where(and(eq(watches.userId, viewer.id), eq(watches.scope, subject.scope), eq(watches.scopeId, subject.id)));
      }
      return this.effective(tx, viewer, subject);
    });
  }

  /** The viewer's level on a thread, community or document they may read (the page already checked that). */
  async levelOn(
    viewer: Viewer | null,
    of: { communityId?: string; threadId?: string; deliverableId?: string },
  ): Promise<WatchSetting | null> {
    if (!viewer) return null;
    return this.effective(this.db, viewer, await this.subject(viewer, of));
  }

  /** The viewer's explicit choices, newest first (the preferences page lists them). */
  async explicit(viewer: Viewer): Promise<WatchRow[]> {
    return this.db.select().from(watches).where(eq(watches.userId, viewer.id)).orderBy(desc(watches.updatedAt));
  }

  /** What a scope names, if the viewer may read it; NOT_FOUND otherwise (whether it exists is nobody else's business). */
  private async subject(
    viewer: Viewer,
    of: { communityId?: string | undefined; threadId?: string | undefined; deliverableId?: string | undefined },
  ): Promise<Subject> {
    try {
      if (of.threadId) {
        const { thread } = await this.threads.readable(viewer, of.threadId);
        return { scope: "THREAD", id: thread.id, communityId: thread.communityId, authorId: thread.authorId };
      }
      if (of.deliverableId) {
        const { deliverable } = await this.deliverables.visible(viewer, of.deliverableId);
        return { scope: "DELIVERABLE", id: deliverable.id, communityId: deliverable.communityId };
      }
      const access = await this.communities.access(viewer, of.communityId ?? "");
      if (!canRead(access.community, viewer, access.membership)) throw notFound("Community");
      const facilitator = access.membership?.status === "ACTIVE" && access.membership.role === "FACILITATOR";
      return { scope: "COMMUNITY", id: access.community.id, facilitator };
    } catch (err) {
      if (err instanceof DomainError && (err.code === "FORBIDDEN" || err.code === "UNAUTHENTICATED")) {
        const what = of.threadId ? "Thread" : of.deliverableId ? "Deliverable" : "Community";
        throw notFound(what);
      }
      throw err;
    }
  }

  private async effective(db: Executor, viewer: Viewer, subject: Subject): Promise<WatchSetting> {
    const container = subject.scope === "COMMUNITY" ? null : subject.communityId;
    const rows = await db
      .select({ scope: watches.scope, level: watches.level })
      .from(watches)
      .where(
        and(
          eq(watches.userId, viewer.id),
          or(
            and(eq(watches.scope, subject.scope), eq(watches.scopeId, subject.id)),
            container ? and(eq(watches.scope, "COMMUNITY"), eq(watches.scopeId, container)) : undefined,
          ),
        ),
      );
    const own: WatchLevel | undefined = rows.find((r) => r.scope === subject.scope)?.level;
    const inherited: WatchLevel | undefined = container ? rows.find((r) => r.scope === "COMMUNITY")?.level : undefined;
    let level: EffectiveLevel;
    if (subject.scope === "THREAD") {
      const took = subject.authorId === viewer.id || (await this.replied(db, subject.id, viewer.id));
      level = threadLevel({ own, container: inherited }, took);
    } else if (subject.scope === "DELIVERABLE") {
      level = deliverableLevel({ own, container: inherited });
    } else {
      level = communityLevel(own, subject.facilitator);
    }
    return { ...level, scope: subject.scope, scopeId: subject.id, explicit: level.source === "EXPLICIT" };
  }

  private async replied(db: Executor, threadId: string, userId: string): Promise<boolean> {
    const [row] = await db
      .select({ id: posts.id })
      .from(posts)
      .where(and(eq(posts.threadId, threadId), eq(posts.authorId, userId)))
      .limit(1);
    return row !== undefined;
  }
}
