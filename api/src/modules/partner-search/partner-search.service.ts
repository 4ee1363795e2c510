import { type Database, type PartnerSearchRow, partnerSearches } from "@pratica/db";
import { eq } from "drizzle-orm";
import { conflict, forbidden, notFound, unauthenticated } from "../../core/errors.js";
import { unitOfWork } from "../../core/unit-of-work.js";
import { parseInput, withoutNulls } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import { isUniqueViolation } from "../admin/unique.js";
import { callTakesSearches, canEditSearch, canReadSearch, representsOrg } from "./partner-search.policy.js";
import { publishSearchRules, updateSearchRules, versionRules } from "./partner-search.rules.js";
import {
  actingFor,
  callNotTaking,
  callOf,
  interestedOrgIds,
  lockSearch,
  organizationOf,
  searchNotOpen,
  staleSearch,
  standingOf,
} from "./search-work.js";

/** One open search of a kind per organisation and call: the partial unique index decides a race. */
const alreadyOpen = () =>
  conflict("Your organisation already has an open partner search of this kind for this call: edit that one.");

/**
 * The publisher's side of a partner search: publish, edit, close, withdraw. Each is one unit of
 * work; the search's row lock serialises the publisher's writes with the interests' (interest.service.ts).
 */
export class PartnerSearchService {
  constructor(private readonly db: Database) {}

  async publish(viewer: Viewer | null, raw: object): Promise<PartnerSearchRow> {
    if (!viewer) throw unauthenticated("Log in as a representative of your organisation to publish a partner search.");
    const fields = parseInput(publishSearchRules, withoutNulls(raw));
    return unitOfWork(this.db, async ({ tx }) => {
      const standing = await standingOf(tx, viewer);
      await actingFor(tx, standing, fields.organizationId, "publish partner searches");
      const call = await callOf(tx, fields.callId);
      if (!callTakesSearches(call)) throw callNotTaking(call);
      const [created] = await tx
        .insert(partnerSearches)
        .values({ ...fields, authorId: viewer.id })
        .returning()
        .catch((error: unknown) => {
          throw isUniqueViolation(error) ? alreadyOpen() : error;
        });
      if (!created) throw new Error("partner search not created");
      return created;
    });
  }

  async update(viewer: Viewer | null, raw: object): Promise<PartnerSearchRow> {
    if (!viewer) throw unauthenticated();
    const { id, version, ...changes } = parseInput(updateSearchRules, withoutNulls(raw));
    return this.change(viewer, id, version, "edited", changes);
  }

  close(viewer: Viewer | null, raw: object): Promise<PartnerSearchRow> {
    if (!viewer) throw unauthenticated();
    const { id, version } = parseInput(versionRules, withoutNulls(raw));
    return this.change(viewer, id, version, "closed", { status: "CLOSED" });
  }

  withdraw(viewer: Viewer | null, raw: object): Promise<PartnerSearchRow> {
    if (!viewer) throw unauthenticated();
    const { id, version } = parseInput(versionRules, withoutNulls(raw));
    return this.change(viewer, id, version, "withdrawn", { status: "WITHDRAWN" });
  }

  /**
   * One change by the publisher: NOT_FOUND as for a missing one when the viewer may not read it,
   * FORBIDDEN to anyone but its organisation's representatives, CONFLICT when stale or not OPEN.
   */
  private change(
    viewer: Viewer,
    id: string,
    version: number,
    doing: string,
    set: Partial<Pick<PartnerSearchRow, "role" | "expertise" | "countries" | "description" | "status">>,
  ): Promise<PartnerSearchRow> {
    return unitOfWork(this.db, async ({ tx }) => {
      const search = await lockSearch(tx, id);
      const standing = await standingOf(tx, viewer);
      const publisher = await organizationOf(tx, search.organizationId);
      // Read rule first (a withdrawn search is NOT_FOUND to outsiders), then who may, then state.
      if (!canReadSearch(standing, search, await interestedOrgIds(tx, search.id))) throw notFound("Partner search");
      if (!representsOrg(standing, search.organizationId)) {
        throw forbidden("You do not represent this organisation.");
      }
      if (publisher.withdrawnOn !== null) {
        throw forbidden(
          `This organisation withdrew from the memorandum: its partner searches can no longer be ${doing}.`,
        );
      }
      if (search.version !== version) throw staleSearch(search);
      if (!canEditSearch(viewer, standing, search, publisher)) throw searchNotOpen(search);
      const [updated] = await tx
        .update(partnerSearches)
        .set({ ...set, version: search.version + 1, updatedAt: new Date() })
        .where(eq(partnerSearches.id, search.id))
        .returning();
      if (!updated) throw new Error("partner search not updated");
      return updated;
    });
  }
}
