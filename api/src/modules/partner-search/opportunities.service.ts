import {
  type Database,
  type FundingCallRow,
  fundingCallFollows,
  fundingCalls,
  organizationMembers,
  organizations,
  type PartnerInterestRow,
  type PartnerSearchRow,
  partnerInterests,
  partnerSearches,
} from "@pratica/db";
import { and, asc, desc, eq, isNull, ne, sql } from "drizzle-orm";
import { forbidden, unauthenticated } from "../../core/errors.js";
import { isUuid } from "../../core/ids.js";
import type { Viewer } from "../../core/viewer.js";
import type { MyOpportunities } from "./partner-search.type.js";

/** How many matching calls the page shows. */
const MATCHING_SHOWN = 20;

/**
 * "My opportunities" (docs/hub-partner-search.md): for one organisation's people, the calls that
 * fit it, the calls the viewer follows, the organisation's searches and its interests.
 */
export class OpportunitiesService {
  constructor(private readonly db: Database) {}

  async forOrganization(viewer: Viewer | null, organizationId: string): Promise<MyOpportunities> {
    if (!viewer) throw unauthenticated("Log in to see your organisation's opportunities.");
    const [member] = isUuid(organizationId)
      ? await this.db
          .select({ id: organizationMembers.id })
          .from(organizationMembers)
          .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, viewer.id)))
      : [];
    if (!member) throw forbidden("Only the people of this organisation see its opportunities.");
    return { organizationId };
  }

  /** Every search of the organisation, newest first (its people see the withdrawn ones too). */
  searches(organizationId: string): Promise<PartnerSearchRow[]> {
    return this.db
      .select()
      .from(partnerSearches)
      .where(eq(partnerSearches.organizationId, organizationId))
      .orderBy(desc(partnerSearches.createdAt), desc(partnerSearches.id));
  }

  /** Every interest the organisation expressed, newest first. */
  interests(organizationId: string): Promise<PartnerInterestRow[]> {
    return this.db
      .select()
      .from(partnerInterests)
      .where(eq(partnerInterests.organizationId, organizationId))
      .orderBy(desc(partnerInterests.createdAt), desc(partnerInterests.id));
  }

  /**
   * Calls neither closed nor archived whose themes overlap the organisation's, soonest deadline first.
   * A stand-in until the funding-calls module's matching service (themes and the programme-by-category
   * table, funding-calls/matching.ts) is merged: then this delegates to it.
   */
  async matchingCalls(organizationId: string): Promise<FundingCallRow[]> {
    const rows = await this.db
      .select({ call: fundingCalls })
      .from(fundingCalls)
      .innerJoin(organizations, eq(organizations.id, organizationId))
      .where(
        and(
          ne(fundingCalls.status, "CLOSED"),
          isNull(fundingCalls.archivedAt),
          sql`${fundingCalls.themes} && ${organizations.themes}`,
        ),
      )
      .orderBy(sql`${fundingCalls.deadlineAt} asc nulls last`, asc(fundingCalls.id))
      .limit(MATCHING_SHOWN);
    return rows.map((r) => r.call);
  }

  /** The calls the viewer follows (follows are personal), not archived, soonest deadline first. */
  async followedCalls(viewer: Viewer | null): Promise<FundingCallRow[]> {
    if (!viewer) return [];
    const rows = await this.db
      .select({ call: fundingCalls })
      .from(fundingCallFollows)
      .innerJoin(fundingCalls, eq(fundingCalls.id, fundingCallFollows.callId))
      .where(and(eq(fundingCallFollows.userId, viewer.id), isNull(fundingCalls.archivedAt)))
      .orderBy(sql`${fundingCalls.deadlineAt} asc nulls last`, asc(fundingCalls.id));
    return rows.map((r) => r.call);
  }
}
