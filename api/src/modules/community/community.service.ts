import {
  type CommunityMembershipRow,
  type CommunityRow,
  communities,
  communityMemberships,
  type Database,
  type Executor,
  type UserRow,
  users,
} from "@pratica/db";
import { and, asc, eq, ilike, isNull, or, sql } from "drizzle-orm";
import { recordAudit } from "../../core/audit.js";
import { conflict, forbidden, notFound, unauthenticated } from "../../core/errors.js";
import type { EventBus } from "../../core/event-bus.js";
import { isUuid } from "../../core/ids.js";
import { eqId, perDatabase } from "../../core/loader.js";
import {
  afterPosition,
  decodeCursor,
  keysetCursor,
  type Page,
  type PageArgs,
  pageSize,
  toPage,
} from "../../core/pagination.js";
import { type RowLock, unitOfWork, type Work } from "../../core/unit-of-work.js";
import { isAdmin, type Viewer } from "../../core/viewer.js";
import {
  canChangeRole,
  canChangeRoles,
  canDecideMembership,
  canJoin,
  canModerate,
  canRemoveMember,
  canSeeCommunity,
  canSeeMembers,
  isActiveMember,
  isFacilitator,
  sanctioned,
  takesLastFacilitator,
} from "./community.policy.js";
import { sanctionsInForce } from "./sanctions-in-force.js";

export type MembershipStatus = CommunityMembershipRow["status"];

/** Queries on every request's path, prepared once per database (their SQL text is not rebuilt each time). */
const prepared = perDatabase((db: Database) => ({
  byId: db.select().from(communities).where(eqId(communities.id, "id")).limit(1).prepare("community_by_id"),
  membership: db
    .select()
    .from(communityMemberships)
    .where(and(eqId(communityMemberships.communityId, "communityId"), eqId(communityMemberships.userId, "userId")))
    .limit(1)
    .prepare("community_membership"),
}));

/** The community row, locked by the writes that change who belongs to it (first in `LOCK_ORDER`). */
export const communityLock: RowLock<CommunityRow> = {
  kind: "community",
  take: async (tx, communityId) => {
    const [row] = await tx.select().from(communities).where(eq(communities.id, communityId)).for("no key update");
    return row;
  },
};

export class CommunityService {
  constructor(
    private readonly db: Database,
    private readonly bus: EventBus,
  ) {}

  /** The home page's list: archived communities are left off (admins list them in the admin area). */
  list(): Promise<CommunityRow[]> {
    // A CONSORTIUM community is a partner search's private space (partner-search module): never listed.
    return this.db
      .select()
      .from(communities)
      .where(and(isNull(communities.archivedAt), eq(communities.kind, "PRACTICE")))
      .orderBy(asc(communities.name));
  }

  async bySlug(slug: string): Promise<CommunityRow | null> {
    const [row] = await this.db.select().from(communities).where(eq(communities.slug, slug)).limit(1);
    return row ?? null;
  }

  async byId(id: string, db: Executor = this.db): Promise<CommunityRow> {
    const row = !isUuid(id)
      ? undefined
      : db === this.db
        ? (await prepared(this.db).byId.execute({ id }))[0]
        : (await db.select().from(communities).where(eq(communities.id, id)).limit(1))[0];
    if (!row) throw notFound("Community");
    return row;
  }

  /** The community and the viewer's standing in it, which every content rule starts from. */
  async access(viewer: Viewer | null, communityId: string, db: Executor = this.db) {
    const community = await this.byId(communityId, db);
    const membership = viewer ? ((await this.membershipOf(community.id, viewer.id, db)) ?? null) : null;
    return { community, viewer, membership };
  }

  membershipOf(
    communityId: string,
    userId: string,
    db: Executor = this.db,
  ): Promise<CommunityMembershipRow | undefined> {
    if (db === this.db) {
      return prepared(this.db)
        .membership.execute({ communityId, userId })
        .then((rows) => rows[0]);
    }
    return db
      .select()
      .from(communityMemberships)
      .where(and(eq(communityMemberships.communityId, communityId), eq(communityMemberships.userId, userId)))
      .limit(1)
      .then((rows) => rows[0]);
  }

  /** Members with a given status, oldest first; readers of the community see active ones, moderators pending ones. */
  async members(
    viewer: Viewer | null,
    community: CommunityRow,
    status: MembershipStatus,
    args: PageArgs,
  ): Promise<{ page: Page<CommunityMembershipRow>; totalCount: number }> {
    const size = pageSize(args.first);
    const position = decodeCursor(keysetCursor, args.after);
    const mine = viewer ? await this.membershipOf(community.id, viewer.id) : undefined;
    if (!canSeeMembers(community, viewer, mine, status)) {
      throw viewer ? forbidden("Only this community's members can see who belongs to it.") : unauthenticated();
    }
    const scope = and(eq(communityMemberships.communityId, community.id), eq(communityMemberships.status, status));
    const [rows, [count]] = await Promise.all([
      this.db
        .select()
        .from(communityMemberships)
        .where(and(scope, afterPosition(communityMemberships.createdAt, communityMemberships.id, position)))
        .orderBy(asc(communityMemberships.createdAt), asc(communityMemberships.id))
        .limit(size + 1),
      this.db.select({ n: sql<number>`count(*)::int` }).from(communityMemberships).where(scope),
    ]);
    return { page: toPage(rows, size), totalCount: count?.n ?? 0 };
  }

  /** Active members whose handle or name starts with the prefix: the composer's @mention suggestions. */
  async mentionSuggestions(
    viewer: Viewer | null,
    community: CommunityRow,
    prefix: string,
    first: number,
  ): Promise<UserRow[]> {
    const mine = viewer ? await this.membershipOf(community.id, viewer.id) : undefined;
    if (!isActiveMember(mine)) return [];
    const pattern = `${prefix
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.db
      .select({ user: users })
      .from(communityMemberships)
      .innerJoin(users, eq(users.id, communityMemberships.userId))
      .where(
        and(
          eq(communityMemberships.communityId, community.id),
          eq(communityMemberships.status, "ACTIVE"),
          or(ilike(users.handle, pattern), ilike(users.displayName, pattern)),
        ),
      )
      .orderBy(asc(users.handle))
      .limit(Math.min(Math.max(first, 1), 20))
      .then((rows) => rows.map((r) => r.user));
  }

  /** OPEN communities admit at once; APPROVAL ones queue the request for a facilitator. Joining twice changes nothing. */
  async join(viewer: Viewer | null, communityId: string): Promise<CommunityMembershipRow> {
    if (!viewer) throw unauthenticated("Log in to join a community.");
    // No lock: the insert is one statement, and a second join finds the row (ON CONFLICT).
    return unitOfWork(this.db, async ({ tx, afterCommit }) => {
      const community = await this.byId(communityId, tx);
      if (!canJoin(community)) throw forbidden("This community is archived: it is read-only and takes no new members.");
      const existing = await this.membershipOf(community.id, viewer.id, tx);
      // A consortium space (partner-search module) admits only through its partner search: to
      // anyone else it does not exist, and nobody asks to join it.
      if (!canSeeCommunity(community, viewer, existing)) throw notFound("Community");
      if (community.kind === "CONSORTIUM") {
        if (existing) return existing;
        throw forbidden("A consortium's space admits its members through its partner search.");
      }
      if (existing && !canJoin(community, existing)) throw sanctioned(existing);
      // Left while sanctioned: the sanction did not leave with the membership row.
      const inForce = existing ? null : await sanctionsInForce(tx, viewer.id, community.id, new Date());
      if (inForce && (inForce.suspendedUntil || inForce.restrictedUntil)) {
        throw sanctioned({ role: "MEMBER", status: "ACTIVE", ...inForce });
      }
      const [created] = await tx
        .insert(communityMemberships)
        .values({
          communityId: community.id,
          userId: viewer.id,
          role: "MEMBER",
          status: community.joinPolicy === "OPEN" ? "ACTIVE" : "PENDING",
        })
        .onConflictDoNothing()
        .returning();
      if (!created) return (await this.membershipOf(community.id, viewer.id, tx)) as CommunityMembershipRow;
      afterCommit(() => this.membershipChanged(viewer.id, community.id));
      return created;
    });
  }

  async leave(viewer: Viewer | null, communityId: string): Promise<void> {
    if (!viewer) throw unauthenticated();
    const community = await this.byId(communityId);
    await this.inCommunity(community.id, async ({ tx, afterCommit }) => {
      const mine = await this.membershipOf(community.id, viewer.id, tx);
      if (!mine) throw notFound("Your membership");
      await this.keepAFacilitator(
        tx,
        mine,
        "You are this community's only facilitator. Appoint another facilitator before leaving.",
      );
      await tx.delete(communityMemberships).where(eq(communityMemberships.id, mine.id));
      afterCommit(() => this.membershipChanged(viewer.id, community.id));
    });
  }

  /** Approves a pending request. Deciding twice is a CONFLICT: someone else may have decided first. */
  async approve(viewer: Viewer | null, membershipId: string): Promise<CommunityMembershipRow> {
    if (!viewer) throw unauthenticated();
    const { communityId } = await this.membershipById(membershipId);
    return this.inCommunity(communityId, async ({ tx, afterCommit }) => {
      const target = await this.pendingRequest(viewer, membershipId, tx);
      const [updated] = await tx
        .update(communityMemberships)
        .set({ status: "ACTIVE", decidedAt: new Date(), decidedBy: viewer.id })
        .where(eq(communityMemberships.id, target.id))
        .returning();
      // Read as pending under the community's lock: nobody decided it in between.
      if (!updated) throw new Error("membership not approved");
      afterCommit(() => this.membershipChanged(updated.userId, updated.communityId));
      return updated;
    });
  }

  async reject(viewer: Viewer | null, membershipId: string): Promise<void> {
    if (!viewer) throw unauthenticated();
    const { communityId } = await this.membershipById(membershipId);
    await this.inCommunity(communityId, async ({ tx, afterCommit }) => {
      const target = await this.pendingRequest(viewer, membershipId, tx);
      await tx.delete(communityMemberships).where(eq(communityMemberships.id, target.id));
      afterCommit(() => this.membershipChanged(target.userId, target.communityId));
    });
  }

  /**
   * Facilitators remove members; only admins remove facilitators, and not the last one. Leaving
   * yourself is `leave`.
   */
  async remove(viewer: Viewer | null, membershipId: string): Promise<void> {
    if (!viewer) throw unauthenticated();
    const { communityId } = await this.membershipById(membershipId);
    await this.inCommunity(communityId, async ({ tx, afterCommit }) => {
      const { target, mine } = await this.moderatedMembership(viewer, membershipId, tx);
      if (!canRemoveMember(viewer, mine, target)) {
        throw forbidden(
          target.userId === viewer.id
            ? "Use “leave” to leave a community yourself."
            : "Only an admin can remove a facilitator.",
        );
      }
      await this.keepAFacilitator(
        tx,
        target,
        "This is the community's only facilitator. Appoint another facilitator before removing them.",
      );
      await tx.delete(communityMemberships).where(eq(communityMemberships.id, target.id));
      // A removal by a platform admin (the only ones who remove facilitators) is an admin action.
      if (isAdmin(viewer)) {
        await recordAudit(tx, {
          actorId: viewer.id,
          action: "community.remove_member",
          targetKind: "community",
          targetId: target.communityId,
          before: { userId: target.userId, role: target.role, status: target.status },
        });
      }
      afterCommit(() => this.membershipChanged(target.userId, target.communityId));
    });
  }

  /** Admins appoint and step down facilitators among active members; the last one stays. */
  async setRole(
    viewer: Viewer | null,
    membershipId: string,
    role: CommunityMembershipRow["role"],
  ): Promise<CommunityMembershipRow> {
    if (!viewer) throw unauthenticated();
    if (!canChangeRoles(viewer)) throw forbidden("Only an admin can change roles.");
    const { communityId } = await this.membershipById(membershipId);
    return this.inCommunity(communityId, async ({ tx, afterCommit }) => {
      const target = await this.membershipById(membershipId, tx);
      // The viewer is an admin here: what refuses now is the membership's state.
      if (!canChangeRole(viewer, target))
        throw conflict("Approve the request before changing the role.", { status: target.status });
      if (role !== "FACILITATOR") {
        await this.keepAFacilitator(
          tx,
          target,
          "This is the community's only facilitator. Appoint another facilitator before stepping them down.",
        );
      }
      const [updated] = await tx
        .update(communityMemberships)
        .set({ role })
        .where(eq(communityMemberships.id, target.id))
        .returning();
      const changed = updated ?? target;
      // Appointing and stepping down facilitators is an admin action: recorded with it.
      await recordAudit(tx, {
        actorId: viewer.id,
        action: role === "FACILITATOR" ? "community.appoint_facilitator" : "community.step_down_facilitator",
        targetKind: "community",
        targetId: target.communityId,
        before: { userId: target.userId, role: target.role },
        after: { userId: changed.userId, role: changed.role },
      });
      afterCommit(() => this.membershipChanged(changed.userId, changed.communityId));
      return changed;
    });
  }

  /**
   * Runs a membership change as a unit of work that first takes `communityLock`. FOR NO KEY
   * UPDATE conflicts with itself, so membership changes to one community are serialised and each
   * re-reads the membership set the one before it left (two facilitators leaving at once would
   * otherwise each count the other and leave none; two facilitators deciding one request would
   * both see it pending); it does not conflict with the KEY SHARE locks that inserts referencing
   * the community take, so content writes never wait on it.
   */
  private inCommunity<T>(communityId: string, write: (w: Work) => Promise<T>): Promise<T> {
    return unitOfWork(this.db, async (w) => {
      await w.lock(communityLock, communityId);
      return write(w);
    });
  }

  /** Refuses a change that takes the community's last facilitator away; called under `inCommunity`. */
  private async keepAFacilitator(tx: Executor, m: CommunityMembershipRow, message: string): Promise<void> {
    if (!isFacilitator(m)) return;
    if (takesLastFacilitator(m, await this.facilitatorCount(m.communityId, tx))) throw conflict(message);
  }

  /** Open subscriptions of that user re-check their access to the community. */
  private membershipChanged(userId: string, communityId: string) {
    this.bus.publish("user", userId, { type: "MEMBERSHIP_CHANGED", communityId });
  }

  private async membershipById(id: string, db: Executor = this.db): Promise<CommunityMembershipRow> {
    const row = isUuid(id)
      ? (await db.select().from(communityMemberships).where(eq(communityMemberships.id, id)).limit(1))[0]
      : undefined;
    if (!row) throw notFound("Membership");
    return row;
  }

  /** Loads a membership the viewer wants to moderate, refusing anyone who may not. */
  private async moderatedMembership(viewer: Viewer | null, membershipId: string, db: Executor = this.db) {
    if (!viewer) throw unauthenticated();
    const target = await this.membershipById(membershipId, db);
    const mine = await this.membershipOf(target.communityId, viewer.id, db);
    if (!canModerate(viewer, mine)) throw forbidden("Only this community's facilitators can do this.");
    return { target, mine };
  }

  /**
   * A pending request a moderator approves or rejects; one decided already is a CONFLICT (the
   * conditional write that follows catches a decision made meanwhile).
   */
  private async pendingRequest(
    viewer: Viewer | null,
    membershipId: string,
    db: Executor = this.db,
  ): Promise<CommunityMembershipRow> {
    const { target, mine } = await this.moderatedMembership(viewer, membershipId, db);
    if (!canDecideMembership(viewer, mine, target)) {
      throw conflict("This request has already been decided.", { status: target.status });
    }
    return target;
  }

  private async facilitatorCount(communityId: string, db: Executor): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(communityMemberships)
      .where(
        and(
          eq(communityMemberships.communityId, communityId),
          eq(communityMemberships.role, "FACILITATOR"),
          eq(communityMemberships.status, "ACTIVE"),
        ),
      );
    return row?.n ?? 0;
  }
}
