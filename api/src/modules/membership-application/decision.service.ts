import {
  type Database,
  type Executor,
  type MembershipApplicationRow,
  membershipApplications,
  type OrganizationRow,
  organizationMembers,
  organizations,
  users,
} from "@pratica/db";
import { MEMORANDUM_FIRST_YEAR } from "@pratica/rules";
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "../../core/audit.js";
import { badInput, DomainError, forbidden, unauthenticated } from "../../core/errors.js";
import { parseInput, withoutNulls } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import type { InvitationService } from "../admin/invitation.service.js";
import type { NotificationService } from "../notification/notification.service.js";
import type { ObservatoryService } from "../observatory/observatory.service.js";
import {
  type ApplicationWork,
  checkNameFree,
  inApplication,
  recordStep,
  stale,
  wrongState,
} from "./application-work.js";
import { isApplicant, mayDecide } from "./membership-application.policy.js";
import { decideApplicationRules } from "./membership-application.rules.js";
import { type ApplicationDecision, needsMessage, nextStatus } from "./membership-application.workflow.js";
import { organizationSlug } from "./slug.js";

/** The memorandum is signed in Turin: "today" for a signing date is Rome's. */
const SIGNING_TIME_ZONE = "Europe/Rome";
const dayIn = (at: Date, timeZone: string) => new Intl.DateTimeFormat("en-CA", { timeZone }).format(at);

/**
 * The platform admins' decisions: ask for more, decline with a reason, or accept with the
 * memorandum's signing date. Accepting creates the organisation and links (or invites) its first
 * representative in the same unit of work as the decision: all of it commits, or none.
 */
export class DecisionService {
  constructor(
    private readonly db: Database,
    private readonly notifications: NotificationService,
    private readonly invitations: InvitationService,
    private readonly observatory: ObservatoryService,
    private readonly now: () => Date,
  ) {}

  async decide(viewer: Viewer | null, raw: object): Promise<MembershipApplicationRow> {
    if (!viewer) throw unauthenticated("Log in as a platform admin to decide applications.");
    const input = parseInput(decideApplicationRules, withoutNulls(raw));
    const decision: ApplicationDecision = input.decision;
    return inApplication(this.db, viewer, input.applicationId, async (w) => {
      const { application } = w;
      if (!mayDecide(viewer, application)) {
        throw isApplicant(viewer, application)
          ? new DomainError("FORBIDDEN", "Another platform admin decides an application you sent.", {
              reason: "OWN_APPLICATION",
            })
          : forbidden("Only platform admins decide applications.");
      }
      if (application.version !== input.expectedVersion) throw stale(application);
      const to = nextStatus(decision, application.status);
      if (!to) throw wrongState(application, "decided");
      const message = input.message ?? null;
      if (needsMessage(decision) && !message)
        throw badInput("message", decision === "DECLINE" ? "Tell the applicant why." : "Ask your question.");
      const now = this.now();
      if (decision !== "ACCEPT") {
        if (input.signedOn) throw badInput("signedOn", "Only an acceptance has a signing date.");
        return this.answer(w, viewer, decision, to, message, now);
      }
      if (!input.signedOn) throw badInput("signedOn", "Enter the date the memorandum was signed.");
      if (input.signedOn > dayIn(now, SIGNING_TIME_ZONE))
        throw badInput("signedOn", "The memorandum's signing date cannot be in the future.");
      if (input.signedOn < `${MEMORANDUM_FIRST_YEAR}-01-01`)
        throw badInput("signedOn", `The memorandum was first signed in ${MEMORANDUM_FIRST_YEAR}.`);
      return this.accept(w, viewer, input.signedOn, message, now);
    });
  }

  /** REQUEST_INFO or DECLINE: the applicant is told the question or the reason. */
  private async answer(
    w: ApplicationWork,
    viewer: Viewer,
    decision: Exclude<ApplicationDecision, "ACCEPT">,
    to: MembershipApplicationRow["status"],
    message: string | null,
    now: Date,
  ): Promise<MembershipApplicationRow> {
    const { tx, application } = w;
    const [decided] = await tx
      .update(membershipApplications)
      .set({
        status: to,
        decisionMessage: message,
        version: application.version + 1,
        updatedAt: now,
        ...(decision === "DECLINE" ? { decidedBy: viewer.id, decidedAt: now } : {}),
      })
      .where(eq(membershipApplications.id, application.id))
      .returning();
    if (!decided) throw new Error("application not decided");
    await recordStep(tx, {
      kind: decision,
      application,
      from: application.status,
      to,
      actorId: viewer.id,
      message,
    });
    await this.tellApplicant(w, decided, viewer.id, message ?? "", null);
    return decided;
  }

  private async accept(
    w: ApplicationWork,
    viewer: Viewer,
    signedOn: string,
    message: string | null,
    now: Date,
  ): Promise<MembershipApplicationRow> {
    const { tx, application } = w;
    // A partner may have been created with this name since the application was sent.
    await checkNameFree(tx, { nameEn: application.name, nameIt: application.nameIt || null }, application.id);
    const organization = await this.createOrganization(tx, application, signedOn, now);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "organization.create",
      targetKind: "organization",
      targetId: organization.id,
      after: { ...publicColumns(organization), applicationId: application.id },
    });
    const representative = await this.linkRepresentative(w, viewer, application, organization);
    const [decided] = await tx
      .update(membershipApplications)
      .set({
        status: "ACCEPTED",
        organizationId: organization.id,
        signedOn,
        decisionMessage: message,
        decidedBy: viewer.id,
        decidedAt: now,
        version: application.version + 1,
        updatedAt: now,
      })
      .where(eq(membershipApplications.id, application.id))
      .returning();
    if (!decided) throw new Error("application not accepted");
    await recordStep(tx, {
      kind: "ACCEPT",
      application,
      from: application.status,
      to: "ACCEPTED",
      actorId: viewer.id,
      message,
      after: {
        status: "ACCEPTED",
        organizationId: organization.id,
        signedOn,
        representative: representative ? "LINKED" : "INVITED",
      },
    });
    await this.tellApplicant(w, decided, viewer.id, message ?? "system:application-accepted", representative);
    this.observatory.requestRefresh(w);
    return decided;
  }

  private async createOrganization(
    tx: Executor,
    a: MembershipApplicationRow,
    signedOn: string,
    now: Date,
  ): Promise<OrganizationRow> {
    const values = {
      name: a.name,
      nameIt: a.nameIt,
      category: a.category,
      description: a.description || null,
      descriptionIt: a.descriptionIt || null,
      website: a.website,
      address: a.address,
      district: a.district,
      latitude: a.latitude,
      longitude: a.longitude,
      themes: a.themes,
      sdgs: a.sdgs,
      memorandumSignedOn: signedOn,
      createdAt: now,
      updatedAt: now,
    };
    const base = organizationSlug(a.name);
    // The slug is unique: the name's, else with the first free suffix. Another organisation
    // created at once with the same slug meets the unique index: DO NOTHING, and the next suffix.
    const taken = new Set(
      (
        await tx
          .select({ slug: organizations.slug })
          .from(organizations)
          .where(sql`${organizations.slug} = ${base} or ${organizations.slug} like ${`${base}-%`}`)
      ).map((r) => r.slug),
    );
    for (let n = 1; n < 1000; n++) {
      const slug = n === 1 ? base : `${base}-${n}`;
      if (taken.has(slug)) continue;
      const [created] = await tx
        .insert(organizations)
        .values({ ...values, slug })
        .onConflictDoNothing()
        .returning();
      if (created) return created;
    }
    throw new Error("no free slug");
  }

  /**
   * The first representative: the account with that address, linked at once; or, when there is
   * none, an invitation whose link creates the account already linked. Answers the linked account.
   */
  private async linkRepresentative(
    w: ApplicationWork,
    viewer: Viewer,
    a: MembershipApplicationRow,
    organization: OrganizationRow,
  ): Promise<{ id: string } | null> {
    const { tx } = w;
    const [account] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${a.representativeEmail.toLowerCase()} and ${users.deletedAt} is null`)
      .limit(1);
    if (account) {
      await tx
        .insert(organizationMembers)
        .values({ organizationId: organization.id, userId: account.id, role: "REPRESENTATIVE" })
        .onConflictDoUpdate({
          target: [organizationMembers.organizationId, organizationMembers.userId],
          set: { role: "REPRESENTATIVE" },
        });
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "organization.link_representative",
        targetKind: "organization",
        targetId: organization.id,
        after: { userId: account.id, role: "REPRESENTATIVE", applicationId: a.id },
      });
      return account;
    }
    const [applicant] = a.applicantId
      ? await tx.select({ locale: users.locale }).from(users).where(eq(users.id, a.applicantId))
      : [];
    await this.invitations.inviteRepresentativeWithin(w, {
      organization,
      email: a.representativeEmail,
      // The representative's language is not known: the applicant's, who wrote for them.
      locale: applicant?.locale ?? "it",
      inviterId: viewer.id,
    });
    return null;
  }

  /** The applicant hears of every decision; a linked representative (another account) of the acceptance. */
  private async tellApplicant(
    w: ApplicationWork,
    decided: MembershipApplicationRow,
    actorId: string,
    excerpt: string,
    representative: { id: string } | null,
  ): Promise<void> {
    const told = await this.notifications.forEcosystem(w.tx, {
      kind: "APPLICATION_DECIDED",
      userIds: decided.applicantId ? [decided.applicantId] : [],
      actorId,
      applicationId: decided.id,
      organizationId: decided.organizationId,
      excerpt,
    });
    if (representative && representative.id !== decided.applicantId) {
      // Not the applicant: told of the organisation it now represents, not of the application.
      told.push(
        ...(await this.notifications.forEcosystem(w.tx, {
          kind: "APPLICATION_DECIDED",
          userIds: [representative.id],
          actorId,
          organizationId: decided.organizationId,
          excerpt: "system:application-accepted",
        })),
      );
    }
    w.afterCommit(() => this.notifications.publish(told));
  }
}

const publicColumns = (o: OrganizationRow) => {
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = o;
  return rest;
};
