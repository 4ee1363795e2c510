import { type CertificationRow, certifications, type Database, type Executor } from "@pratica/db";
import { and, asc, count, eq, gt, or, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../core/audit.js";
import { conflict, notFound } from "../../core/errors.js";
import { cursorId, decodeCursor, jsonCursor, type PageArgs, pageSize } from "../../core/pagination.js";
import { unitOfWork } from "../../core/unit-of-work.js";
import { parseInput } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import { requireAdmin } from "../admin/admin.policy.js";
import type { NotificationService } from "../notification/notification.service.js";
import { organizationAndRole, representativeIds } from "./access.js";
import { canReadCertification, requireEditor } from "./suppliers.policy.js";
import {
  type AddCertification,
  addCertificationRules,
  rejectionRules,
  type UpdateCertification,
  updateCertificationRules,
} from "./suppliers.rules.js";

const queueCursor = jsonCursor(z.tuple([z.iso.datetime(), cursorId]));
const encode = (value: unknown[]) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** The fields a representative writes; what only some kinds carry is null for the others (the rules cleared it). */
const written = (c: AddCertification | UpdateCertification) => ({
  kind: c.kind,
  label: c.label,
  evidenceUrl: c.evidenceUrl,
  evidenceNote: c.evidenceNote,
  validFrom: c.validFrom,
  validUntil: c.validUntil,
  bcorpScore: c.bcorpScore,
  recertificationDue: c.recertificationDue,
  impactReportUrl: c.impactReportUrl,
  impactReportYear: c.impactReportYear,
});

/** Back to PENDING: what the admins checked is no longer what is declared. */
const unverified = {
  verification: "PENDING" as const,
  verifiedBy: null,
  verifiedAt: null,
  rejectionReason: null,
};

/**
 * Certifications (docs/buy-social.md "Certifications"): declared by an organisation's
 * representatives, checked by the platform's admins, who are audited; the representatives hear
 * the decision (CERTIFICATION_DECIDED).
 */
export class CertificationService {
  constructor(
    private readonly db: Database,
    private readonly notifications: NotificationService,
    private readonly clock: { now: () => Date },
  ) {}

  add(viewer: Viewer | null, raw: unknown): Promise<CertificationRow> {
    const input = parseInput(addCertificationRules, raw);
    return unitOfWork(this.db, async ({ tx }) => {
      const { organization, role } = await organizationAndRole(tx, viewer, input.organizationId);
      if (!organization) throw notFound("Organisation");
      requireEditor(viewer, role, organization);
      const [row] = await tx
        .insert(certifications)
        .values({ organizationId: organization.id, ...written(input) })
        .returning();
      return row as CertificationRow;
    });
  }

  update(viewer: Viewer | null, raw: unknown): Promise<CertificationRow> {
    const input = parseInput(updateCertificationRules, raw);
    return unitOfWork(this.db, async ({ tx }) => {
      const current = await this.editable(tx, viewer, input.id, input.version);
      const [row] = await tx
        .update(certifications)
        .set({ ...written(input), ...unverified, version: current.version + 1, updatedAt: this.clock.now() })
        .where(eq(certifications.id, current.id))
        .returning();
      return row as CertificationRow;
    });
  }

  remove(viewer: Viewer | null, id: string, version: number): Promise<boolean> {
    return unitOfWork(this.db, async ({ tx }) => {
      const current = await this.editable(tx, viewer, id, version);
      await tx.delete(certifications).where(eq(certifications.id, current.id));
      return true;
    });
  }

  verify(viewer: Viewer | null, id: string, version: number): Promise<CertificationRow> {
    return this.decide(viewer, id, version, null);
  }

  reject(viewer: Viewer | null, id: string, version: number, reason: string): Promise<CertificationRow> {
    return this.decide(viewer, id, version, parseInput(rejectionRules, { reason }).reason);
  }

  /** The admins' queue: PENDING certifications, oldest first. */
  async toVerify(viewer: Viewer | null, args: PageArgs) {
    requireAdmin(viewer);
    const first = pageSize(args.first);
    const cursor = decodeCursor(queueCursor, args.after);
    const pending = eq(certifications.verification, "PENDING");
    const after = cursor
      ? or(
          gt(certifications.createdAt, new Date(cursor[0])),
          and(eq(certifications.createdAt, new Date(cursor[0])), gt(certifications.id, cursor[1])),
        )
      : undefined;
    const rows = await this.db
      .select()
      .from(certifications)
      .where(and(pending, after))
      .orderBy(asc(certifications.createdAt), asc(certifications.id))
      .limit(first + 1);
    const [total] = await this.db.select({ n: count() }).from(certifications).where(pending);
    const nodes = rows.slice(0, first);
    return {
      nodes,
      cursors: nodes.map((c) => encode([c.createdAt.toISOString(), c.id])),
      hasNextPage: rows.length > first,
      totalCount: total?.n ?? 0,
    };
  }

  /**
   * Locks the certification and checks the viewer may change it: NOT_FOUND when they may not
   * even read it (as for a missing one), FORBIDDEN for a reader who is not a representative,
   * CONFLICT on a stale version.
   */
  private async editable(tx: Executor, viewer: Viewer | null, id: string, version: number) {
    const current = await this.locked(tx, id);
    const { organization, role } = await organizationAndRole(tx, viewer, current.organizationId);
    if (!organization || !canReadCertification(viewer, role, current)) throw notFound("Certification");
    requireEditor(viewer, role, organization);
    if (current.version !== version) {
      throw conflict("The certification changed since you read it.", {
        verification: current.verification,
        version: current.version,
      });
    }
    return current;
  }

  private async locked(tx: Executor, id: string): Promise<CertificationRow> {
    if (!z.uuid().safeParse(id).success) throw notFound("Certification");
    const [current] = await tx.select().from(certifications).where(eq(certifications.id, id)).for("update");
    if (!current) throw notFound("Certification");
    return current;
  }

  /** Verify (`reason` null) or reject; two admins at once: the second finds a new version (CONFLICT). */
  private async decide(viewer: Viewer | null, id: string, version: number, reason: string | null) {
    requireAdmin(viewer);
    return unitOfWork(this.db, async ({ tx, afterCommit }) => {
      const current = await this.locked(tx, id);
      if (current.version !== version) {
        throw conflict("The certification changed since you read it.", {
          verification: current.verification,
          version: current.version,
        });
      }
      const target = reason === null ? "VERIFIED" : "REJECTED";
      if (current.verification === target) {
        throw conflict(`The certification is already ${target.toLowerCase()}.`, {
          verification: current.verification,
          version: current.version,
        });
      }
      const now = this.clock.now();
      const [row] = await tx
        .update(certifications)
        .set({
          verification: target,
          verifiedBy: viewer.id,
          verifiedAt: now,
          rejectionReason: reason,
          version: sql`${certifications.version} + 1`,
          updatedAt: now,
        })
        .where(eq(certifications.id, current.id))
        .returning();
      const decided = row as CertificationRow;
      await recordAudit(tx, {
        actorId: viewer.id,
        action: reason === null ? "certification.verify" : "certification.reject",
        targetKind: "certification",
        targetId: decided.id,
        before: { verification: current.verification, version: current.version },
        after: { verification: decided.verification, version: decided.version },
        reason,
      });
      const created = await this.notifications.forBuySocial(tx, {
        kind: "CERTIFICATION_DECIDED",
        userIds: await representativeIds(tx, decided.organizationId),
        actorId: viewer.id,
        organizationId: decided.organizationId,
        excerpt: reason ?? "",
      });
      afterCommit(() => this.notifications.publish(created));
      return decided;
    });
  }
}
