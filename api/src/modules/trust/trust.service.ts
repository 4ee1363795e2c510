import { communityMemberships, type Database, type UserRow, users } from "@pratica/db";
import { and, eq, isNull } from "drizzle-orm";
import type { Redis } from "ioredis";
import { recordAudit } from "../../core/audit.js";
import { badInput, conflict, forbidden, notFound, rateLimited, unauthenticated } from "../../core/errors.js";
import { isUuid } from "../../core/ids.js";
import { unitOfWork } from "../../core/unit-of-work.js";
import type { Viewer } from "../../core/viewer.js";
import { type CountedWrite, NewMemberLimiter } from "./new-member-limiter.js";
import { countWebLinks } from "./post-links.js";
import { readTrustFacts, trustFactsOf } from "./trust.facts.js";
import { isTrusted, moderatesMember, type TrustFacts, type TrustSettings, trustedByAgeAt } from "./trust.policy.js";

/** A post a member is about to write: a new thread's body, a reply, or an edit of either. */
export type NewMemberWrite = {
  kind: CountedWrite | "edit";
  /** The Markdown text whose links are counted. */
  body: string;
  /** The people it mentions, as the thread module reads them (thread/mentions.ts). */
  mentions: readonly string[];
};

/** What a write admitted by `admit` does when it is then refused: gives its point back and rethrows. */
export type Admission = { refused: (error: unknown) => Promise<never> };

const NOTHING_SPENT: Admission = {
  refused: async (error) => {
    throw error;
  },
};

export type TrustOptions = {
  settings: TrustSettings;
  /** The counters' store; in process when absent. */
  redis?: Redis | undefined;
  /** Prefix of the counters' keys (tests give each run its own). */
  keyPrefix?: string | undefined;
  /** "Now" for the age rule (tests move it); the system clock otherwise. */
  clock?: (() => Date) | undefined;
};

/** The new-member limits and vouching: docs/moderation.md, "New-member limits". */
export class TrustService {
  readonly settings: TrustSettings;
  private readonly limiter: NewMemberLimiter;
  private readonly clock: () => Date;

  constructor(
    private readonly db: Database,
    options: TrustOptions,
  ) {
    this.settings = options.settings;
    this.limiter = new NewMemberLimiter(options.settings, options.redis, options.keyPrefix ?? "new-member");
    this.clock = options.clock ?? (() => new Date());
  }

  now(): Date {
    return this.clock();
  }

  /** Whether the rule trusts an account with these facts now. */
  trusts(facts: TrustFacts): boolean {
    return isTrusted(facts, this.now(), this.settings);
  }

  /**
   * Admits a thread, reply or edit within the new-member limits, before its unit of work: a
   * trusted author's at once; a new member's only if its links and mentions are within the limits
   * and, for a thread or a reply, a point is left, spent here (atomically, on every instance).
   * The caller chains `.catch(admitted.refused)` to its write: a write then refused or failed
   * gives its point back, so only accepted writes count. The caller has refused the anonymous
   * and parsed the input already.
   */
  async admit(viewer: Viewer, write: NewMemberWrite): Promise<Admission> {
    if (viewer.role === "ADMIN") return NOTHING_SPENT;
    const facts = await trustFactsOf(this.db, viewer.id);
    if (!facts || this.trusts(facts)) return NOTHING_SPENT;
    const trustedAt = trustedByAgeAt(facts, this.settings);
    this.checkContent(write, trustedAt);
    if (write.kind === "edit") return NOTHING_SPENT;
    const kind = write.kind;
    const waitMs = await this.limiter.take(kind, viewer.id);
    if (waitMs !== null) throw this.tooMany(kind, waitMs, trustedAt);
    return {
      refused: async (error) => {
        await this.limiter.giveBack(kind, viewer.id);
        throw error;
      },
    };
  }

  /**
   * Links and mentions over the limit are refused as BAD_USER_INPUT on `body`, not RATE_LIMITED:
   * waiting does not help, taking some out does, and the composer shows it beside the text.
   */
  private checkContent(write: NewMemberWrite, trustedAt: Date): void {
    const { linksPerPost, mentionsPerPost } = this.settings;
    const more = { trustedAt: trustedAt.toISOString() };
    const links = countWebLinks(write.body);
    if (links > linksPerPost) {
      throw badInput(
        "body",
        `New members can include at most ${linksPerPost} link(s) to other sites in a post; this one has ${links}.`,
        { ...more, reason: "NEW_MEMBER_LINKS", max: linksPerPost },
      );
    }
    if (write.mentions.length > mentionsPerPost) {
      throw badInput(
        "body",
        `New members can mention at most ${mentionsPerPost} people in a post; this one mentions ${write.mentions.length}.`,
        { ...more, reason: "NEW_MEMBER_MENTIONS", max: mentionsPerPost },
      );
    }
  }

  /** RATE_LIMITED, retrying when a point is back or when the account is trusted by age, whichever is sooner. */
  private tooMany(kind: CountedWrite, waitMs: number, trustedAt: Date) {
    const untilTrusted = trustedAt.getTime() - this.now().getTime();
    const seconds = Math.max(1, Math.ceil(Math.min(waitMs, untilTrusted) / 1000));
    const more = { trustedAt: trustedAt.toISOString() };
    return kind === "thread"
      ? rateLimited(
          `New members can start ${this.settings.threadsPerDay} thread(s) a day. Try again in ${describe(seconds)}.`,
          seconds,
          { ...more, reason: "NEW_MEMBER_THREADS", max: this.settings.threadsPerDay },
        )
      : rateLimited(
          `New members can reply ${this.settings.repliesPerMinute} time(s) a minute. Try again in ${describe(seconds)}.`,
          seconds,
          { ...more, reason: "NEW_MEMBER_REPLIES", max: this.settings.repliesPerMinute },
        );
  }

  /**
   * A facilitator (of a community the person is an active member of) or an admin vouches for a
   * new member: the limits stop at once. Vouching for a trusted account is a CONFLICT (the page
   * was stale), not a silent success, so that nobody believes they vouched when the rule did.
   */
  async vouch(viewer: Viewer | null, userId: string): Promise<UserRow> {
    if (!viewer) throw unauthenticated("Log in to vouch for a member.");
    if (!isUuid(userId)) throw notFound("User");
    return unitOfWork(this.db, async ({ tx }) => {
      const facts = await readTrustFacts(tx, userId);
      if (!facts || facts.deletedAt) throw notFound("User");
      const [mine, theirs] = await Promise.all([membershipsOf(tx, viewer.id), membershipsOf(tx, userId)]);
      if (!moderatesMember(viewer, mine, theirs)) {
        throw forbidden("Only facilitators of a community this person is a member of, and admins, can vouch for them.");
      }
      if (this.trusts(facts)) {
        throw conflict("This member is already trusted: the new-member limits no longer apply.", {
          trusted: true,
          vouchedAt: facts.vouchedAt?.toISOString() ?? null,
        });
      }
      const at = this.now();
      // Conditional on vouched_at still null: of two facilitators vouching at once, one writes.
      const [vouched] = await tx
        .update(users)
        .set({ vouchedAt: at, vouchedBy: viewer.id })
        .where(and(eq(users.id, userId), isNull(users.vouchedAt)))
        .returning();
      if (!vouched) throw conflict("Someone vouched for this member a moment ago.", { trusted: true });
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "user.vouch",
        targetKind: "user",
        targetId: userId,
        before: { vouchedAt: null },
        after: { vouchedAt: at, vouchedBy: viewer.id },
      });
      return vouched;
    });
  }
}

const membershipsOf = (tx: Parameters<typeof readTrustFacts>[0], userId: string) =>
  tx
    .select({
      communityId: communityMemberships.communityId,
      role: communityMemberships.role,
      status: communityMemberships.status,
      // A suspended facilitator moderates nobody, and a suspended member is nobody's to vouch for.
      suspendedUntil: communityMemberships.suspendedUntil,
      restrictedUntil: communityMemberships.restrictedUntil,
    })
    .from(communityMemberships)
    .where(eq(communityMemberships.userId, userId));

/** "40 seconds", "5 minutes", "3 hours": the English message only; the web says it in the reader's language. */
function describe(seconds: number): string {
  if (seconds < 90) return `${seconds} second(s)`;
  if (seconds < 90 * 60) return `${Math.ceil(seconds / 60)} minute(s)`;
  return `${Math.ceil(seconds / 3600)} hour(s)`;
}
