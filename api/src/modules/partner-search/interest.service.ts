import { type Database, type PartnerInterestRow, partnerInterests, partnerSearches } from "@pratica/db";
import { eq } from "drizzle-orm";
import { conflict, forbidden, notFound, unauthenticated } from "../../core/errors.js";
import { unitOfWork } from "../../core/unit-of-work.js";
import { parseInput, withoutNulls } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import { isUniqueViolation } from "../admin/unique.js";
import type { NotificationService } from "../notification/notification.service.js";
import type { SystemExcerpt } from "../notification/system-excerpts.js";
import { type ConsortiumSpaceService, spaceOf } from "./consortium-space.service.js";
import {
  canDecideInterest,
  canReadInterest,
  canReadSearch,
  canWithdrawInterest,
  representsOrg,
  takesInterest,
} from "./partner-search.policy.js";
import { decideInterestRules, expressInterestRules, versionRules } from "./partner-search.rules.js";
import {
  actingFor,
  callNotTaking,
  callOf,
  interestedOrgIds,
  interestWrongState,
  lockInterest,
  lockSearch,
  representativeIds,
  searchNotOpen,
  staleInterest,
  standingOf,
} from "./search-work.js";

/** Put into the reader's words when read (notification/system-excerpts.ts). */
const DECIDED_EXCERPT = {
  CONFIRMED: "system:partner-interest-confirmed",
  DECLINED: "system:partner-interest-declined",
} as const satisfies Record<string, SystemExcerpt>;

const onceOnly = () =>
  conflict("Your organisation has already expressed interest in this partner search (it can be done once).");

/**
 * Interest in a partner search: expressed by another partner's representative, withdrawn by them,
 * confirmed or declined by the publisher's representatives. Each runs under the search's lock and
 * keeps the private space in step (consortium-space.service.ts) in the same unit of work; the
 * people concerned are told after commit.
 */
export class InterestService {
  constructor(
    private readonly db: Database,
    private readonly notifications: NotificationService,
    private readonly space: ConsortiumSpaceService,
  ) {}

  async express(viewer: Viewer | null, raw: object): Promise<PartnerInterestRow> {
    if (!viewer) throw unauthenticated("Log in as a representative of your organisation to express interest.");
    const fields = parseInput(expressInterestRules, withoutNulls(raw));
    return unitOfWork(this.db, async (w) => {
      const { tx } = w;
      const search = await lockSearch(tx, fields.searchId);
      const standing = await standingOf(tx, viewer);
      const interested = await interestedOrgIds(tx, search.id);
      if (!canReadSearch(standing, search, interested)) throw notFound("Partner search");
      const org = await actingFor(tx, standing, fields.organizationId, "express interest in partner searches");
      if (org.id === search.organizationId) {
        // FORBIDDEN rather than BAD_USER_INPUT: the input is well formed, the organisation may not do it.
        throw forbidden("Your organisation published this partner search: it cannot express interest in it.");
      }
      const call = await callOf(tx, search.callId);
      if (search.status !== "OPEN") throw searchNotOpen(search);
      if (!takesInterest(search, call)) throw callNotTaking(call);
      if (interested.includes(org.id)) throw onceOnly();
      const [interest] = await tx
        .insert(partnerInterests)
        .values({
          searchId: search.id,
          organizationId: org.id,
          userId: viewer.id,
          role: fields.role,
          message: fields.message,
        })
        .returning()
        .catch((error: unknown) => {
          throw isUniqueViolation(error) ? onceOnly() : error;
        });
      if (!interest) throw new Error("interest not created");
      const space = spaceOf(search);
      if (space) await this.space.admit(tx, space, interest, null);
      else await this.space.create(tx, search, call, interest);
      const told = await this.notifications.forHub(tx, {
        kind: "PARTNER_INTEREST",
        userIds: await this.publisherPeople(search.organizationId, search.authorId, tx, viewer.id),
        actorId: viewer.id,
        fundingCallId: search.callId,
        partnerSearchId: search.id,
        excerpt: fields.message ? `${org.name}: ${fields.message}` : org.name,
      });
      w.afterCommit(() => this.notifications.publish(told));
      return interest;
    });
  }

  async withdraw(viewer: Viewer | null, raw: object): Promise<PartnerInterestRow> {
    if (!viewer) throw unauthenticated();
    const { id, version } = parseInput(versionRules, withoutNulls(raw));
    return unitOfWork(this.db, async ({ tx }) => {
      const { interest, search } = await lockInterest(tx, id);
      const standing = await standingOf(tx, viewer);
      if (!canReadInterest(standing, search, interest)) throw notFound("Interest");
      if (!representsOrg(standing, interest.organizationId)) throw forbidden("You do not represent this organisation.");
      if (interest.version !== version) throw staleInterest(interest);
      if (!canWithdrawInterest(standing, interest)) throw interestWrongState(interest, "withdrawn");
      const updated = await this.set(tx, interest, { status: "WITHDRAWN" });
      await this.space.release(tx, search, interest.organizationId);
      return updated;
    });
  }

  async decide(viewer: Viewer | null, raw: object): Promise<PartnerInterestRow> {
    if (!viewer) throw unauthenticated();
    const { id, version, decision } = parseInput(decideInterestRules, withoutNulls(raw));
    return unitOfWork(this.db, async (w) => {
      const { tx } = w;
      const { interest, search } = await lockInterest(tx, id);
      const standing = await standingOf(tx, viewer);
      if (!canReadInterest(standing, search, interest)) throw notFound("Interest");
      if (!representsOrg(standing, search.organizationId)) throw forbidden("You do not represent this organisation.");
      if (interest.version !== version) throw staleInterest(interest);
      if (!canDecideInterest(standing, search, interest)) {
        throw search.status !== "OPEN" ? searchNotOpen(search) : interestWrongState(interest, "decided");
      }
      const status = decision === "CONFIRM" ? "CONFIRMED" : "DECLINED";
      const updated = await this.set(tx, interest, { status, decidedBy: viewer.id, decidedAt: new Date() });
      if (status === "DECLINED") await this.space.release(tx, search, interest.organizationId);
      const told = interest.userId
        ? await this.notifications.forHub(tx, {
            kind: "PARTNER_INTEREST_DECIDED",
            userIds: [interest.userId],
            actorId: viewer.id,
            fundingCallId: search.callId,
            partnerSearchId: search.id,
            // Both languages in the stored text: notification/system-excerpts.ts (ground) has no code for these yet.
            excerpt: DECIDED_EXCERPT[status],
          })
        : [];
      w.afterCommit(() => this.notifications.publish(told));
      return updated;
    });
  }

  private async set(
    tx: Parameters<Parameters<typeof unitOfWork>[1]>[0]["tx"],
    interest: PartnerInterestRow,
    set: Partial<Pick<PartnerInterestRow, "status" | "decidedBy" | "decidedAt">>,
  ): Promise<PartnerInterestRow> {
    const [updated] = await tx
      .update(partnerInterests)
      .set({ ...set, version: interest.version + 1, updatedAt: new Date() })
      .where(eq(partnerInterests.id, interest.id))
      .returning();
    if (!updated) throw new Error("interest not updated");
    // The search's `updatedAt` says when anything about it last moved (lists sort by it).
    await tx.update(partnerSearches).set({ updatedAt: new Date() }).where(eq(partnerSearches.id, interest.searchId));
    return updated;
  }

  /** The publisher's representatives and the search's author, but not whoever is acting. */
  private async publisherPeople(
    organizationId: string,
    authorId: string | null,
    tx: Parameters<Parameters<typeof unitOfWork>[1]>[0]["tx"],
    actorId: string,
  ): Promise<string[]> {
    const ids = new Set(await representativeIds(tx, [organizationId]));
    if (authorId) ids.add(authorId);
    ids.delete(actorId);
    return [...ids];
  }
}
