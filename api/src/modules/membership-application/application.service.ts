import { type Database, type MembershipApplicationRow, membershipApplications } from "@pratica/db";
import { eq } from "drizzle-orm";
import { badInput, forbidden, unauthenticated } from "../../core/errors.js";
import { unitOfWork } from "../../core/unit-of-work.js";
import { parseInput, withoutNulls } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import type { NotificationService } from "../notification/notification.service.js";
import type { ApplicationLimiter } from "./application.limiter.js";
import {
  adminIds,
  checkCommunities,
  checkNameFree,
  inApplication,
  nameTakenOnInsert,
  recordStep,
  stale,
  wrongState,
} from "./application-work.js";
import { canApply, isApplicant } from "./membership-application.policy.js";
import {
  applicationColumns,
  applicationRules,
  updateApplicationRules,
  withdrawApplicationRules,
} from "./membership-application.rules.js";
import { nextStatus } from "./membership-application.workflow.js";

/**
 * The applicant's side of the workflow: submit, edit (and answer a question), withdraw. Each is
 * one unit of work that writes the application, its history row and its audit entry, and tells
 * the platform admins (notified after commit).
 */
export class ApplicationService {
  constructor(
    private readonly db: Database,
    private readonly notifications: NotificationService,
    private readonly limiter: ApplicationLimiter,
  ) {}

  async apply(viewer: Viewer | null, raw: object): Promise<MembershipApplicationRow> {
    if (!canApply(viewer)) throw unauthenticated("Log in to apply for your organisation.");
    const fields = parseInput(applicationRules, withoutNulls(raw));
    await this.limiter.take(viewer.id);
    try {
      return await unitOfWork(this.db, async (w) => {
        const { tx } = w;
        await checkCommunities(tx, fields.communityIds);
        await checkNameFree(tx, fields, null);
        const [created] = await tx
          .insert(membershipApplications)
          .values({ ...applicationColumns(fields), applicantId: viewer.id, status: "SUBMITTED" })
          .returning()
          .catch(nameTakenOnInsert);
        if (!created) throw new Error("application not created");
        await recordStep(tx, {
          kind: "SUBMIT",
          application: created,
          from: null,
          to: "SUBMITTED",
          actorId: viewer.id,
          message: null,
          after: { status: "SUBMITTED", name: created.name, category: created.category },
        });
        const told = await this.notifications.forEcosystem(tx, {
          kind: "APPLICATION_SUBMITTED",
          userIds: await adminIds(tx, viewer.id),
          actorId: viewer.id,
          applicationId: created.id,
          excerpt: created.motivation,
        });
        w.afterCommit(() => this.notifications.publish(told));
        return created;
      });
    } catch (error) {
      await this.limiter.giveBack(viewer.id);
      throw error;
    }
  }

  async update(viewer: Viewer | null, raw: { application?: object } & object): Promise<MembershipApplicationRow> {
    if (!viewer) throw unauthenticated();
    const input = parseInput(updateApplicationRules, withoutNulls(raw));
    const fields = parsePrefixed(raw.application ?? {});
    return inApplication(this.db, viewer, input.applicationId, async (w) => {
      const { tx, application } = w;
      if (!isApplicant(viewer, application)) throw forbidden("Only the applicant edits an application.");
      if (application.version !== input.expectedVersion) throw stale(application);
      const to = nextStatus("UPDATE", application.status);
      if (!to) throw wrongState(application, "edited");
      const message = input.message ?? null;
      if (application.status === "INFO_REQUESTED" && !message)
        throw badInput("message", "Answer the platform team's question.");
      await checkCommunities(tx, fields.communityIds, "application.communityIds");
      await checkNameFree(tx, fields, application.id);
      const [updated] = await tx
        .update(membershipApplications)
        .set({ ...applicationColumns(fields), status: to, version: application.version + 1, updatedAt: new Date() })
        .where(eq(membershipApplications.id, application.id))
        .returning()
        .catch(nameTakenOnInsert);
      if (!updated) throw new Error("application not updated");
      await recordStep(tx, {
        kind: "UPDATE",
        application,
        from: application.status,
        to,
        actorId: viewer.id,
        message,
        before: { status: application.status, name: application.name, version: application.version },
        after: { status: to, name: updated.name, version: updated.version },
      });
      const told = await this.notifications.forEcosystem(tx, {
        kind: "APPLICATION_UPDATED",
        userIds: await adminIds(tx, viewer.id),
        actorId: viewer.id,
        applicationId: application.id,
        excerpt: message ?? "",
      });
      w.afterCommit(() => this.notifications.publish(told));
      return updated;
    });
  }

  async withdraw(viewer: Viewer | null, raw: object): Promise<MembershipApplicationRow> {
    if (!viewer) throw unauthenticated();
    const input = parseInput(withdrawApplicationRules, withoutNulls(raw));
    return inApplication(this.db, viewer, input.applicationId, async (w) => {
      const { tx, application } = w;
      if (!isApplicant(viewer, application)) throw forbidden("Only the applicant withdraws an application.");
      if (application.version !== input.expectedVersion) throw stale(application);
      const to = nextStatus("WITHDRAW", application.status);
      if (!to) throw wrongState(application, "withdrawn");
      const [withdrawn] = await tx
        .update(membershipApplications)
        .set({ status: to, version: application.version + 1, updatedAt: new Date() })
        .where(eq(membershipApplications.id, application.id))
        .returning();
      if (!withdrawn) throw new Error("application not withdrawn");
      await recordStep(tx, {
        kind: "WITHDRAW",
        application,
        from: application.status,
        to,
        actorId: viewer.id,
        message: null,
      });
      const told = await this.notifications.forEcosystem(tx, {
        kind: "APPLICATION_UPDATED",
        userIds: await adminIds(tx, viewer.id),
        actorId: viewer.id,
        applicationId: application.id,
        excerpt: "system:application-withdrawn",
      });
      w.afterCommit(() => this.notifications.publish(told));
      return withdrawn;
    });
  }
}

/** The application's fields inside an update: their problems name the field as `application.<field>`. */
function parsePrefixed(raw: object) {
  try {
    return parseInput(applicationRules, withoutNulls(raw));
  } catch (error) {
    const details = (error as { details?: { field?: string } }).details;
    if (details?.field) details.field = `application.${details.field}`;
    throw error;
  }
}
