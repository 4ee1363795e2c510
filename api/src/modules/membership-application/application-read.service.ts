import {
  type ApplicationTransitionRow,
  applicationTransitions,
  type Database,
  type MembershipApplicationRow,
  membershipApplications,
} from "@pratica/db";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { forbidden, unauthenticated } from "../../core/errors.js";
import { isUuid } from "../../core/ids.js";
import {
  afterPosition,
  decodeCursor,
  keysetCursor,
  type Page,
  type PageArgs,
  pageSize,
  toPage,
} from "../../core/pagination.js";
import type { Viewer } from "../../core/viewer.js";
import { canReadApplication, canReview } from "./membership-application.policy.js";
import type { ApplicationStatus } from "./membership-application.workflow.js";

/** Reading applications: the admins' review list, one application, the applicant's own, a history. */
export class ApplicationReadService {
  constructor(private readonly db: Database) {}

  /** The review list, oldest first (the index on (status, created_at, id) serves a status filter). */
  async list(
    viewer: Viewer | null,
    args: PageArgs & { status?: ApplicationStatus | null },
  ): Promise<{ page: Page<MembershipApplicationRow>; totalCount: number }> {
    if (!viewer) throw unauthenticated("Log in as a platform admin to review applications.");
    if (!canReview(viewer)) throw forbidden("Only platform admins review applications.");
    const size = pageSize(args.first);
    const after = decodeCursor(keysetCursor, args.after);
    const byStatus = args.status ? eq(membershipApplications.status, args.status) : undefined;
    const [rows, [count]] = await Promise.all([
      this.db
        .select()
        .from(membershipApplications)
        .where(and(byStatus, afterPosition(membershipApplications.createdAt, membershipApplications.id, after)))
        .orderBy(asc(membershipApplications.createdAt), asc(membershipApplications.id))
        .limit(size + 1),
      this.db.select({ n: sql<number>`count(*)::int` }).from(membershipApplications).where(byStatus),
    ]);
    return { page: toPage(rows, size), totalCount: count?.n ?? 0 };
  }

  /** One application: its applicant's and the admins'; null for anyone else (NOT_FOUND to the client). */
  async byId(viewer: Viewer | null, id: string): Promise<MembershipApplicationRow | null> {
    if (!viewer || !isUuid(id)) return null;
    const [row] = await this.db.select().from(membershipApplications).where(eq(membershipApplications.id, id));
    return row && canReadApplication(viewer, row) ? row : null;
  }

  /** The viewer's own applications, newest first. */
  async mine(viewer: Viewer | null): Promise<MembershipApplicationRow[]> {
    if (!viewer) throw unauthenticated();
    return this.db
      .select()
      .from(membershipApplications)
      .where(eq(membershipApplications.applicantId, viewer.id))
      .orderBy(desc(membershipApplications.createdAt), desc(membershipApplications.id));
  }

  /** Every step, oldest first (the caller has read the application). */
  history(applicationId: string): Promise<ApplicationTransitionRow[]> {
    return this.db
      .select()
      .from(applicationTransitions)
      .where(eq(applicationTransitions.applicationId, applicationId))
      .orderBy(asc(applicationTransitions.createdAt), asc(applicationTransitions.id));
  }
}
