import {
  appeals,
  caseMessages,
  caseTransitions,
  type Database,
  moderationCases,
  moderationReports,
  posts,
  sanctions,
} from "@pratica/db";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { groupedLoader, keyedLoader } from "../../core/loader.js";
import type { Viewer } from "../../core/viewer.js";

// A reported author's other cases that a case page may show: more than the 5 shown, since some
// may be in communities the viewer does not moderate.
const RECENT_CASES_READ = 25;

/** The states in which a case hid or sanctioned something that stands (the author's record counts them). */
const ACTIONED_STATES = ["ACTIONED", "APPEALED", "UPHELD"] as const;

export const moderationLoaders = (db: Database) => ({
  caseById: keyedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(moderationCases)
        .where(inArray(moderationCases.id, [...ids])),
    (c) => c.id,
  ),
  /** Every report of a case, oldest first: the reporters, the notes, the reason counts. */
  reportsByCase: groupedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(moderationReports)
        .where(inArray(moderationReports.caseId, [...ids]))
        .orderBy(asc(moderationReports.createdAt), asc(moderationReports.id)),
    (r) => r.caseId,
  ),
  transitionsByCase: groupedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(caseTransitions)
        .where(inArray(caseTransitions.caseId, [...ids]))
        .orderBy(asc(caseTransitions.createdAt), asc(caseTransitions.id)),
    (t) => t.caseId,
  ),
  appealByCase: keyedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(appeals)
        .where(inArray(appeals.caseId, [...ids])),
    (a) => a.caseId,
  ),
  messagesByCase: groupedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(caseMessages)
        .where(inArray(caseMessages.caseId, [...ids]))
        .orderBy(asc(caseMessages.createdAt), asc(caseMessages.id)),
    (m) => m.caseId,
  ),
  sanctionsByCase: groupedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(sanctions)
        .where(inArray(sanctions.caseId, [...ids])),
    (s) => s.caseId,
  ),
  /** What the author record counts, per author: three aggregate queries per batch, whatever its size. */
  authorTallies: keyedLoader(
    async (ids: readonly string[]) => {
      const authors = [...ids];
      const [postCounts, caseCounts, sanctionCounts] = await Promise.all([
        db
          .select({ authorId: posts.authorId, n: sql<number>`count(*)::int` })
          .from(posts)
          .where(and(inArray(posts.authorId, authors), isNull(posts.deletedAt)))
          .groupBy(posts.authorId),
        db
          .select({ authorId: moderationCases.targetAuthorId, n: sql<number>`count(*)::int` })
          .from(moderationCases)
          .where(
            and(inArray(moderationCases.targetAuthorId, authors), inArray(moderationCases.state, [...ACTIONED_STATES])),
          )
          .groupBy(moderationCases.targetAuthorId),
        // Lifted sanctions (an appeal overturned them) do not count against the author.
        db
          .select({ userId: sanctions.userId, kind: sanctions.kind, n: sql<number>`count(*)::int` })
          .from(sanctions)
          .innerJoin(moderationCases, eq(moderationCases.id, sanctions.caseId))
          .where(and(inArray(sanctions.userId, authors), sql`${moderationCases.state} <> 'OVERTURNED'`))
          .groupBy(sanctions.userId, sanctions.kind),
      ]);
      return authors.map((authorId) => {
        const of = (kind: string) => sanctionCounts.find((s) => s.userId === authorId && s.kind === kind)?.n ?? 0;
        return {
          authorId,
          postsCount: postCounts.find((p) => p.authorId === authorId)?.n ?? 0,
          casesActioned: caseCounts.find((c) => c.authorId === authorId)?.n ?? 0,
          warnings: of("WARN"),
          restrictions: of("RESTRICT"),
          suspensions: of("SUSPEND"),
        };
      });
    },
    (t) => t.authorId,
  ),
  /** An author's latest cases (any state), newest first, a bounded number per author. */
  recentCasesByAuthor: groupedLoader(
    async (ids: readonly string[]) => {
      const ranked = db
        .select({
          id: moderationCases.id,
          rank: sql<number>`row_number() over (partition by ${moderationCases.targetAuthorId} order by ${moderationCases.createdAt} desc, ${moderationCases.id} desc)`.as(
            "rank",
          ),
        })
        .from(moderationCases)
        .where(inArray(moderationCases.targetAuthorId, [...ids]))
        .as("ranked");
      return db
        .select()
        .from(moderationCases)
        .innerJoin(ranked, sql`${ranked.id} = ${moderationCases.id}`)
        .where(sql`${ranked.rank} <= ${RECENT_CASES_READ}`)
        .orderBy(desc(moderationCases.createdAt), desc(moderationCases.id))
        .then((rows) => rows.map((r) => r.moderation_cases));
    },
    (c) => c.targetAuthorId,
  ),
});

/** Loaders whose answers depend on who asks. */
export const moderationViewerLoaders = (db: Database, viewer: Viewer | null) => ({
  /** The viewer's own reports per case (a reporter reads the case of their report). */
  viewerReportsByCase: groupedLoader(
    async (ids: readonly string[]) =>
      viewer
        ? db
            .select()
            .from(moderationReports)
            .where(and(eq(moderationReports.reporterId, viewer.id), inArray(moderationReports.caseId, [...ids])))
        : [],
    (r) => r.caseId,
  ),
});
