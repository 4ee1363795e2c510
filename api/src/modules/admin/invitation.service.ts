import { randomInt } from "node:crypto";
import {
  type AccountTokenRow,
  accountTokens,
  type Database,
  type Executor,
  handleFrom,
  hashPassword,
  type OrganizationRow,
  organizationMembers,
  organizations,
  type UserRow,
  users,
} from "@pratica/db";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "../../core/audit.js";
import type { Locale } from "../../core/context.js";
import { conflict, forbidden, notFound, unauthenticated } from "../../core/errors.js";
import { localized } from "../../core/localized.js";
import { unitOfWork, type Work } from "../../core/unit-of-work.js";
import { parseInput, withoutNulls } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import { consumeToken, issueToken, TOKEN_TTL_MS, tokenRefused } from "../identity/account-tokens.js";
import type { SignedIn } from "../identity/identity.service.js";
import type { SessionService } from "../identity/session.service.js";
import { hashToken } from "../identity/session.service.js";
import { shownUserColumns } from "../identity/user.columns.js";
import { renderEmail } from "../mail/email-layout.js";
import type { MailService } from "../mail/mail.service.js";
import { canAcceptFor, requireAdmin } from "./admin.policy.js";
import { acceptInvitationRules, inviteAdminRules, inviteRepresentativeRules, newAccountRules } from "./admin.rules.js";
import { invitationEmail } from "./invitation.email.js";

/** What an INVITATION token grants, kept in its payload. */
export type InvitationPayload =
  | { role: "REPRESENTATIVE"; organizationId: string; locale: Locale }
  | { role: "MEMBER"; organizationId: string; locale: Locale }
  | { role: "ADMIN"; locale: Locale };

/** A colleague's invitation as the partners module asks for it, once its policy allowed it. */
export type MemberInvitation = {
  organization: OrganizationRow;
  email: string;
  locale: Locale;
  inviterId: string;
};

export type InvitationPreview = {
  email: string;
  role: InvitationPayload["role"];
  organization: OrganizationRow | null;
  accountExists: boolean;
  expiresAt: Date;
};

const DAYS = TOKEN_TTL_MS.INVITATION / 86_400_000;

/**
 * Invitations by email: an organisation's representative (sent by an admin) or a platform admin
 * (sent by the `admin:invite` command). The link carries a single-use INVITATION token
 * (identity/account-tokens.ts). Accepting creates the account, already verified (the link proved
 * the address), or, when the address has an account, links that account, which must be logged in.
 */
export class InvitationService {
  constructor(
    private readonly db: Database,
    private readonly mail: MailService,
    private readonly sessions: SessionService,
  ) {}

  async inviteRepresentative(viewer: Viewer | null, raw: object): Promise<void> {
    requireAdmin(viewer);
    const input = parseInput(inviteRepresentativeRules, withoutNulls(raw));
    await unitOfWork(this.db, async (work) => {
      const { tx } = work;
      const [organization] = await tx
        .select()
        .from(organizations)
        .where(eq(organizations.id, input.organizationId))
        .limit(1);
      if (!organization) throw notFound("Organization");
      const account = await accountFor(tx, input.email);
      if (account && (await representativeOf(tx, organization.id, account.id))) {
        throw conflict("This address already belongs to a representative of this organisation.");
      }
      const payload: InvitationPayload = {
        role: "REPRESENTATIVE",
        organizationId: organization.id,
        locale: input.locale,
      };
      const inviter = await inviterName(tx, viewer.id);
      await this.send(work, input.email, account?.id ?? null, viewer.id, payload, (url) =>
        invitationEmail(input.locale, {
          kind: "REPRESENTATIVE",
          organizationName:
            localized(input.locale, { en: organization.name, it: organization.nameIt }) ?? organization.slug,
          inviterName: inviter,
          url,
          days: DAYS,
        }),
      );
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "organization.invite_representative",
        targetKind: "organization",
        targetId: organization.id,
        after: { email: input.email, locale: input.locale, accountExists: account !== undefined },
      });
    });
  }

  /**
   * A representative (or an admin) invites a colleague as a MEMBER of the organisation, in the
   * caller's unit of work: who may is the partners module's rule (partners.policy.ts), checked
   * there before this is called.
   */
  async inviteMember(work: Pick<Work, "tx">, invitation: MemberInvitation): Promise<void> {
    const { tx } = work;
    const { organization, email, locale, inviterId } = invitation;
    const account = await accountFor(tx, email);
    if (account && (await roleIn(tx, organization.id, account.id))) {
      throw conflict("This address already belongs to someone of this organisation.");
    }
    const payload: InvitationPayload = { role: "MEMBER", organizationId: organization.id, locale };
    const inviter = await inviterName(tx, inviterId);
    await this.send(work, email, account?.id ?? null, inviterId, payload, (url) =>
      invitationEmail(locale, {
        kind: "MEMBER",
        organizationName: localized(locale, { en: organization.name, it: organization.nameIt }) ?? organization.slug,
        inviterName: inviter,
        url,
        days: DAYS,
      }),
    );
    await recordAudit(tx, {
      actorId: inviterId,
      action: "organization.invite_member",
      targetKind: "organization",
      targetId: organization.id,
      after: { email, locale, accountExists: account !== undefined },
    });
  }

  /**
   * An invitation to become a platform admin. Called by the `admin:invite` command, which is
   * trusted as whoever can open the database is: there is no viewer and the entry's actor is null.
   */
  async inviteAdmin(raw: object): Promise<{ email: string; accountExists: boolean; expiresAt: Date }> {
    const input = parseInput(inviteAdminRules, withoutNulls(raw));
    return unitOfWork(this.db, async (work) => {
      const account = await accountFor(work.tx, input.email);
      if (account?.role === "ADMIN") throw conflict("This address already belongs to a platform admin.");
      const payload: InvitationPayload = { role: "ADMIN", locale: input.locale };
      const row = await this.send(work, input.email, account?.id ?? null, null, payload, (url) =>
        invitationEmail(input.locale, { kind: "ADMIN", inviterName: null, url, days: DAYS }),
      );
      await recordAudit(work.tx, {
        actorId: null,
        action: "user.invite_admin",
        targetKind: "user",
        targetId: account?.id ?? null,
        after: { email: input.email, locale: input.locale, accountExists: account !== undefined },
      });
      return { email: input.email, accountExists: account !== undefined, expiresAt: row.expiresAt };
    });
  }

  /**
   * An invitation to represent an organisation, sent inside the caller's unit of work: an accepted
   * membership application creates the organisation and invites its first representative in one
   * transaction (membership-application/), so the token, the email and the audit entry exist only
   * if the acceptance commits. `inviterId` is the admin who decided.
   */
  async inviteRepresentativeWithin(
    work: Pick<Work, "tx">,
    invite: { organization: OrganizationRow; email: string; locale: Locale; inviterId: string },
  ): Promise<void> {
    const { organization, email, locale: language, inviterId } = invite;
    const payload: InvitationPayload = { role: "REPRESENTATIVE", organizationId: organization.id, locale: language };
    const inviter = await inviterName(work.tx, inviterId);
    await this.send(work, email, null, inviterId, payload, (url) =>
      invitationEmail(language, {
        kind: "REPRESENTATIVE",
        organizationName: localized(language, { en: organization.name, it: organization.nameIt }) ?? organization.slug,
        inviterName: inviter,
        url,
        days: DAYS,
      }),
    );
    await recordAudit(work.tx, {
      actorId: inviterId,
      action: "organization.invite_representative",
      targetKind: "organization",
      targetId: organization.id,
      after: { email, locale: language, accountExists: false },
    });
  }

  /** What a link offers, without spending it; a link that no longer works is refused as `consumeToken` would. */
  async preview(token: string, now = new Date()): Promise<InvitationPreview> {
    if (!token || token.length > 200) throw tokenRefused("UNKNOWN");
    const [row] = await this.db
      .select()
      .from(accountTokens)
      .where(and(eq(accountTokens.tokenHash, hashToken(token)), eq(accountTokens.purpose, "INVITATION")))
      .limit(1);
    if (!row) throw tokenRefused("UNKNOWN");
    if (row.usedAt) throw tokenRefused("USED");
    if (row.expiresAt.getTime() <= now.getTime()) throw tokenRefused("EXPIRED");
    const payload = row.payload as InvitationPayload;
    const organization =
      payload.role !== "ADMIN"
        ? ((await this.db.select().from(organizations).where(eq(organizations.id, payload.organizationId)))[0] ?? null)
        : null;
    return {
      email: row.email,
      role: payload.role,
      organization,
      accountExists: (await accountFor(this.db, row.email)) !== undefined,
      expiresAt: row.expiresAt,
    };
  }

  /**
   * Spends the token and grants what it says. Every refusal (a bad token, a missing name or
   * password, the wrong account logged in, an organisation gone, a role already held) throws
   * inside the unit of work, so the token stays unspent and nothing changes.
   */
  async accept(
    viewer: Viewer | null,
    raw: object,
    caller: { userAgent?: string | undefined },
    now = new Date(),
  ): Promise<SignedIn> {
    const input = parseInput(acceptInvitationRules, withoutNulls(raw));
    const user = await unitOfWork(this.db, async ({ tx }) => {
      const row = await consumeToken(tx, "INVITATION", input.token, now);
      const payload = row.payload as InvitationPayload;
      const existing = await accountFor(tx, row.email);
      let account: UserRow;
      if (existing) {
        if (!viewer) throw unauthenticated(`An account with ${row.email} exists: log in as ${row.email}, then accept.`);
        if (!canAcceptFor(viewer, existing)) {
          throw forbidden(`This invitation is for ${row.email}: log out and log in as ${row.email} to accept it.`);
        }
        account = existing;
        // The link reached this address: it is confirmed, if it was not already.
        if (!account.emailVerifiedAt) {
          const [verified] = await tx
            .update(users)
            .set({ emailVerifiedAt: now })
            .where(eq(users.id, account.id))
            .returning(shownUserColumns);
          account = verified ?? account;
        }
      } else {
        account = await this.createAccount(tx, row, payload, input, now);
      }
      await this.grant(tx, row, payload, account, existing !== undefined);
      // As it is now (verified, perhaps an admin), for the payload's `user`.
      const [granted] = await tx.select(shownUserColumns).from(users).where(eq(users.id, account.id));
      return granted ?? account;
    });
    // A session is its own statement, after the commit: on PGlite the one connection is the transaction's until then.
    return { ...(await this.sessions.create(user.id, caller.userAgent)), user };
  }

  private async grant(
    tx: Executor,
    row: AccountTokenRow,
    payload: InvitationPayload,
    account: UserRow,
    existed: boolean,
  ): Promise<void> {
    if (payload.role === "ADMIN") {
      if (existed && account.role === "ADMIN") throw conflict("This account is already a platform admin.");
      if (existed) await tx.update(users).set({ role: "ADMIN", updatedAt: new Date() }).where(eq(users.id, account.id));
      await recordAudit(tx, {
        actorId: account.id,
        action: "user.accept_admin_invitation",
        targetKind: "user",
        targetId: account.id,
        before: existed ? { role: account.role } : null,
        after: { role: "ADMIN", invitedBy: row.createdBy, created: !existed },
      });
      return;
    }
    const [organization] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.id, payload.organizationId))
      .limit(1);
    if (!organization) throw notFound("Organization");
    if (payload.role === "MEMBER") {
      // A colleague joins as a member; someone already linked (member or representative) keeps their role.
      if (await roleIn(tx, organization.id, account.id)) throw conflict("You already belong to this organisation.");
      await tx
        .insert(organizationMembers)
        .values({ organizationId: organization.id, userId: account.id, role: "MEMBER" });
      await recordAudit(tx, {
        actorId: account.id,
        action: "organization.accept_invitation",
        targetKind: "organization",
        targetId: organization.id,
        after: { userId: account.id, role: "MEMBER", invitedBy: row.createdBy, created: !existed },
      });
      return;
    }
    if (await representativeOf(tx, organization.id, account.id)) {
      throw conflict("You already represent this organisation.");
    }
    await tx
      .insert(organizationMembers)
      .values({ organizationId: organization.id, userId: account.id, role: "REPRESENTATIVE" })
      .onConflictDoUpdate({
        target: [organizationMembers.organizationId, organizationMembers.userId],
        set: { role: "REPRESENTATIVE" },
      });
    await recordAudit(tx, {
      actorId: account.id,
      action: "organization.accept_invitation",
      targetKind: "organization",
      targetId: organization.id,
      after: { userId: account.id, role: "REPRESENTATIVE", invitedBy: row.createdBy, created: !existed },
    });
  }

  private async createAccount(
    tx: Executor,
    row: AccountTokenRow,
    payload: InvitationPayload,
    input: { displayName?: string | undefined; password?: string | undefined },
    now: Date,
  ): Promise<UserRow> {
    const { displayName, password } = parseInput(newAccountRules, input);
    const passwordHash = await hashPassword(password);
    const base = handleFrom(displayName);
    // As registration does: the handle is derived from the name, with a short suffix on a clash.
    for (let attempt = 0; attempt < 6; attempt++) {
      const handle = attempt === 0 ? base : `${base}-${randomInt(1000, 10_000)}`;
      const [created] = await tx
        .insert(users)
        .values({
          email: row.email,
          handle,
          displayName,
          passwordHash,
          role: payload.role === "ADMIN" ? "ADMIN" : "USER",
          locale: payload.locale,
          emailVerifiedAt: now,
        })
        .onConflictDoNothing()
        .returning(shownUserColumns);
      if (created) return created;
      if (await accountFor(tx, row.email))
        throw conflict("An account with this address was created meanwhile. Log in and accept.");
    }
    throw new Error("could not find a free handle");
  }

  /** Issues the token and queues the email in the caller's unit of work: both exist only if it commits. */
  private async send(
    work: Pick<Work, "tx">,
    email: string,
    userId: string | null,
    createdBy: string | null,
    payload: InvitationPayload,
    content: (url: string) => ReturnType<typeof invitationEmail>,
  ): Promise<AccountTokenRow> {
    const { token, row } = await issueToken(work.tx, { purpose: "INVITATION", email, userId, payload, createdBy });
    await this.mail.enqueue(work, renderEmail(email, content(this.mail.url("/invitation", { token }))));
    return row;
  }
}

async function accountFor(db: Executor, email: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select(shownUserColumns)
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  return row;
}

async function representativeOf(db: Executor, organizationId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: organizationMembers.id })
    .from(organizationMembers)
    .where(
      and(
        eq(organizationMembers.organizationId, organizationId),
        eq(organizationMembers.userId, userId),
        eq(organizationMembers.role, "REPRESENTATIVE"),
      ),
    )
    .limit(1);
  return row !== undefined;
}

async function roleIn(db: Executor, organizationId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: organizationMembers.id })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)))
    .limit(1);
  return row !== undefined;
}

async function inviterName(db: Executor, userId: string): Promise<string | null> {
  const [row] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.name ?? null;
}
