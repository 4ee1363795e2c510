import { communities, type Database, observatoryMonthly, observatoryState } from "@pratica/db";
import { and, asc, eq, gte, isNull, sql } from "drizzle-orm";
import type { Locale } from "../../core/context.js";
import type { JobQueue } from "../../core/job-queue.js";
import type { Work } from "../../core/unit-of-work.js";
import type { Viewer } from "../../core/viewer.js";
import { readableCommunityIds } from "../community/community.scope.js";
import { themeOf } from "../organization/theme.type.js";
import {
  lastMonths,
  MONTHS_SHOWN,
  type MonthCounts,
  monthStart,
  type StoredFigures,
  zeroFilled,
} from "./observatory.figures.js";
import { type RefreshResult, refreshFigures } from "./observatory.refresh.js";

export const OBSERVATORY_REFRESH_QUEUE = "observatory-refresh";

export type ObservatorySettings = {
  /** The job queue of this process: the scheduled and the requested refreshes run through it. */
  queue?: JobQueue | undefined;
  /** How often the scheduled refresh runs (OBSERVATORY_REFRESH_MINUTES). */
  refreshMinutes?: number | undefined;
  /** How long a requested refresh waits, gathering the writes of a burst into one (debounce). */
  delaySeconds?: number | undefined;
  /** "Now" for the job's refreshes (tests fix it, and call `refresh(now)` directly). */
  clock?: (() => Date) | undefined;
};

/**
 * The observatory's figures (docs/observatory.md): computed by SQL aggregates into
 * `observatory_monthly` and `observatory_state` by a job, read by the page as they were last
 * computed — one or two statements on those rows, never a scan of the content.
 */
export class ObservatoryService {
  private readonly waiting: ((result: RefreshResult) => void)[] = [];

  constructor(
    readonly db: Database,
    private readonly settings: ObservatorySettings = {},
  ) {}

  async start(): Promise<void> {
    const queue = this.settings.queue;
    if (!queue) return;
    // One refresh at a time across instances: a requested one never runs beside a scheduled one.
    await queue.createQueue(OBSERVATORY_REFRESH_QUEUE, { policy: "singleton", retryLimit: 2, retryDelay: 30 });
    await queue.schedule(OBSERVATORY_REFRESH_QUEUE, everyMinutes(this.settings.refreshMinutes ?? 15));
    await queue.work(OBSERVATORY_REFRESH_QUEUE, async () => {
      await this.refresh(this.settings.clock?.() ?? new Date());
    });
  }

  async stop(): Promise<void> {
    await this.settings.queue?.offWork(OBSERVATORY_REFRESH_QUEUE, { wait: true });
  }

  /**
   * Asks for a refresh once the unit of work commits (an organisation joined or withdrew, so the
   * partner figures change): debounced, so a burst of writes costs one refresh a few seconds later.
   */
  requestRefresh(work: Work): void {
    const queue = this.settings.queue;
    if (!queue) return;
    work.afterCommit(() => {
      queue
        .sendDebounced(OBSERVATORY_REFRESH_QUEUE, {}, null, this.settings.delaySeconds ?? 10, "requested")
        .catch((err) => console.error("the observatory refresh was not enqueued", err));
    });
  }

  /**
   * Recomputes the figures as of `now`: the months that can still change, or everything the
   * first time, after a day, or when `full` (docs/observatory.md, "How it is computed").
   */
  async refresh(now: Date, options: { full?: boolean } = {}): Promise<RefreshResult> {
    const result = await this.db.transaction((tx) => refreshFigures(tx, now, options.full ? "full" : "auto"));
    for (const resolve of this.waiting.splice(0)) resolve(result);
    return result;
  }

  /** Resolves when the next refresh of this instance completes (tests wait for the job with it). */
  nextRefresh(): Promise<RefreshResult> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /**
   * The page: the state row, then the readable communities with their months of the window (one
   * statement). Before the first refresh ever, it refreshes first (a fresh install's small data).
   */
  async read(viewer: Viewer | null, locale: Locale) {
    let [state] = await this.db.select().from(observatoryState).limit(1);
    if (!state) {
      await this.refresh(this.settings.clock?.() ?? new Date());
      [state] = await this.db.select().from(observatoryState).limit(1);
      if (!state) throw new Error("the observatory was not refreshed");
    }
    const figures = state.figures as StoredFigures;
    const at = state.refreshedAt;
    const window = lastMonths(at, MONTHS_SHOWN);
    const m = observatoryMonthly;
    const months = sql<string>`coalesce(json_agg(json_build_object('month', to_char(${m.month}, 'YYYY-MM'),
      'membersJoined', ${m.membersJoined}, 'threads', ${m.threads}, 'replies', ${m.replies},
      'resources', ${m.resources}, 'documents', ${m.documents}, 'endorsements', ${m.endorsements}))
      filter (where ${m.month} is not null), '[]')::text`;
    const rows = await this.db
      .select({ community: communities, months })
      .from(communities)
      .leftJoin(m, and(sql`${m.communityId} = ${communities.id}`, gte(m.month, monthStart(at, MONTHS_SHOWN - 1))))
      // Consortium spaces (partner-search module) are private working rooms, not communities the observatory shows.
      .where(
        and(
          isNull(communities.archivedAt),
          eq(communities.kind, "PRACTICE"),
          sql`${communities.id} in (${readableCommunityIds(viewer)})`,
        ),
      )
      .groupBy(communities.id)
      .orderBy(asc(communities.name));
    return {
      refreshedAt: at,
      totals: figures.totals,
      partnersByCategory: figures.partnersByCategory,
      partnersBySigningYear: figures.partnersBySigningYear,
      communities: rows.map((r) => ({
        community: r.community,
        members: figures.communityMembers[r.community.id] ?? 0,
        months: zeroFilled(window, JSON.parse(r.months) as MonthCounts[]),
      })),
      themes: figures.themes.flatMap((t) => {
        const theme = themeOf(t.key, locale);
        return theme ? [{ theme, partners: t.partners, communities: t.communities, activity: t.activity }] : [];
      }),
    };
  }
}

/** The cron of "every n minutes" (1–60; 60 is hourly). */
export function everyMinutes(n: number): string {
  return n >= 60 ? "0 * * * *" : `*/${Math.max(1, Math.trunc(n))} * * * *`;
}
