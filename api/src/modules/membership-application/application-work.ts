import {
  applicationTransitions,
  communities,
  type Database,
  type Executor,
  type MembershipApplicationRow,
  membershipApplications,
  organizations,
  users,
} from "@pratica/db";
import { and, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { recordAudit } from "../../core/audit.js";
import { badInput, conflict, notFound } from "../../core/errors.js";
import { isUuid } from "../../core/ids.js";
import { type RowLock, unitOfWork, type Work } from "../../core/unit-of-work.js";
import type { Viewer } from "../../core/viewer.js";
import { isUniqueViolation } from "../admin/unique.js";
import { canReadApplication } from "./membership-application.policy.js";
import type { ApplicationFields } from "./membership-application.rules.js";
import {
  type ApplicationStatus,
  type ApplicationStepKind,
  AUDIT_ACTION,
  OPEN,
} from "./membership-application.workflow.js";

/**
 * The application row FOR UPDATE: two admins deciding at once (or an admin and the applicant)
 * are serialised here, and the second reads the version the first left (then CONFLICT with it).
 */
export const applicationLock: RowLock<MembershipApplicationRow> = {
  kind: "membershipApplication",
  take: async (tx, id) => {
    const [row] = await tx.select().from(membershipApplications).where(eq(membershipApplications.id, id)).for("update");
    return row;
  },
};

export type ApplicationWork = Work & { application: MembershipApplicationRow };

/**
 * One write to an application: a unit of work that locks it and hands it as it is under the lock.
 * One the viewer may not read is NOT_FOUND, as one that does not exist: an application tells
 * nobody else anything, not even that it exists.
 */
export async function inApplication<T>(
  db: Database,
  viewer: Viewer,
  id: string,
  write: (w: ApplicationWork) => Promise<T>,
): Promise<T> {
  if (!isUuid(id)) throw notFound("Application");
  return unitOfWork(db, async (w) => {
    const application = await w.lock(applicationLock, id);
    if (!application || !canReadApplication(viewer, application)) throw notFound("Application");
    return write({ ...w, application });
  });
}

/** The version the client saw is not the current one: CONFLICT with where the application stands now. */
export const stale = (a: MembershipApplicationRow) =>
  conflict(`Someone changed this application meanwhile: it is now ${a.status.toLowerCase()}, version ${a.version}.`, {
    status: a.status,
    version: a.version,
  });

/** A step not in the workflow from the current state. */
export const wrongState = (a: MembershipApplicationRow, doing: string) =>
  conflict(`A ${a.status.toLowerCase().replace("_", " ")} application cannot be ${doing}.`, {
    status: a.status,
    version: a.version,
  });

/** The communities named exist and are not archived (BAD_USER_INPUT on `communityIds` otherwise). */
export async function checkCommunities(tx: Executor, ids: string[], field = "communityIds"): Promise<void> {
  if (!ids.length) return;
  const found = await tx
    .select({ id: communities.id })
    .from(communities)
    .where(and(inArray(communities.id, ids), isNull(communities.archivedAt)));
  if (found.length !== ids.length) throw badInput(field, "Choose communities from the list.");
}

/**
 * The names are nobody else's: not a current partner's (either language, case-insensitive) and not
 * another open application's. The unique index on open applications' names is the last word
 * (two at once: `nameTakenOnInsert`); this check names the clash first and covers both languages.
 */
export async function checkNameFree(
  tx: Executor,
  fields: Pick<ApplicationFields, "nameEn" | "nameIt">,
  exceptId: string | null,
): Promise<void> {
  const names = [fields.nameEn, fields.nameIt].filter((n): n is string => !!n).map((n) => n.toLowerCase());
  const list = sql.join(
    names.map((n) => sql`${n}`),
    sql`, `,
  );
  const [partner] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(
      and(
        isNull(organizations.withdrawnOn),
        or(sql`lower(${organizations.name}) in (${list})`, sql`lower(${organizations.nameIt}) in (${list})`),
      ),
    )
    .limit(1);
  if (partner) throw nameTaken("PARTNER");
  const [open] = await tx
    .select({ id: membershipApplications.id })
    .from(membershipApplications)
    .where(
      and(
        inArray(membershipApplications.status, [...OPEN]),
        exceptId ? ne(membershipApplications.id, exceptId) : undefined,
        or(
          sql`lower(${membershipApplications.name}) in (${list})`,
          sql`nullif(lower(${membershipApplications.nameIt}), '') in (${list})`,
        ),
      ),
    )
    .limit(1);
  if (open) throw nameTaken("APPLICATION");
}

const nameTaken = (by: "PARTNER" | "APPLICATION") =>
  conflict(
    by === "PARTNER"
      ? "A partner organisation already has this name."
      : "An application for an organisation with this name is already under review.",
    { field: "nameEn", takenBy: by },
  );

/** The unique index on open applications' names, met by two submissions at once: CONFLICT, like the check. */
export const nameTakenOnInsert = (error: unknown): never => {
  throw isUniqueViolation(error) ? nameTaken("APPLICATION") : error;
};

/** The platform admins (to be told of applications), never `except`. */
export async function adminIds(tx: Executor, except: string | null): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "ADMIN"), isNull(users.deletedAt)));
  return rows.map((r) => r.id).filter((id) => id !== except);
}

/** Records one step: its row in the history and its audit entry, in the step's unit of work. */
export async function recordStep(
  tx: Executor,
  step: {
    kind: ApplicationStepKind;
    application: Pick<MembershipApplicationRow, "id">;
    from: ApplicationStatus | null;
    to: ApplicationStatus;
    actorId: string;
    message: string | null;
    before?: Record<string, unknown> | null;
    after?: Record<string, unknown> | null;
  },
): Promise<void> {
  await tx.insert(applicationTransitions).values({
    applicationId: step.application.id,
    fromStatus: step.from,
    toStatus: step.to,
    actorId: step.actorId,
    message: step.message,
  });
  await recordAudit(tx, {
    actorId: step.actorId,
    action: AUDIT_ACTION[step.kind],
    targetKind: "application",
    targetId: step.application.id,
    before: step.before ?? (step.from ? { status: step.from } : null),
    after: step.after ?? { status: step.to },
    reason: step.message,
  });
}
