import { type BuyerRequestRow, buyerRequests, cpvCodes, type Database, organizations } from "@pratica/db";
import { asc, inArray, ne } from "drizzle-orm";

/**
 * `GET /procurement.ocds.json` (docs/buy-social-requests.md, "Open data"): every request but
 * drafts as an OCDS 1.1 release package, one release per request — `tender` while it is open or
 * closed without an award, `award` once awarded (with the chosen supplier only). Answers other
 * than the award are private and never appear.
 */

/** The licence of the published data: attribution, reuse for any purpose. */
export const OCDS_LICENSE = "https://creativecommons.org/licenses/by/4.0/";
/** ocid prefix: `ocds-` and the publisher's name (a registered prefix replaces it when there is one). */
export const OCID_PREFIX = "ocds-pratica-";
/** The EU threshold for services of sub-central authorities (Regulation (EU) 2023/2495, 2024–2025), in euro. */
const EU_THRESHOLD = 221_000;

const BAND_VALUES: Record<BuyerRequestRow["budgetBand"], [number, number | null]> = {
  UNDER_5K: [0, 5_000],
  FROM_5K_TO_40K: [5_000, 40_000],
  FROM_40K_TO_140K: [40_000, 140_000],
  FROM_140K_TO_EU_THRESHOLD: [140_000, EU_THRESHOLD],
  OVER_EU_THRESHOLD: [EU_THRESHOLD, null],
};

const TENDER_STATUS: Record<BuyerRequestRow["state"], string> = {
  DRAFT: "planning",
  OPEN: "active",
  SHORTLISTING: "active",
  AWARDED: "complete",
  CLOSED: "unsuccessful",
};

type Party = { id: string; name: string };
type Row = { request: BuyerRequestRow; buyer: Party; supplier: Party | null };

const money = (amount: number) => ({ amount, currency: "EUR" });

export class ProcurementData {
  constructor(private readonly db: Database) {}

  /** The whole package; `uri` is where it is served, `now` its publication time. */
  async releasePackage(uri: string, now: Date) {
    const requests = await this.db
      .select()
      .from(buyerRequests)
      .where(ne(buyerRequests.state, "DRAFT"))
      .orderBy(asc(buyerRequests.createdAt), asc(buyerRequests.id));
    const orgIds = [
      ...new Set(requests.flatMap((r) => [r.organizationId, r.awardedOrganizationId ?? r.organizationId])),
    ];
    const orgs = new Map(
      orgIds.length
        ? (
            await this.db
              .select({ id: organizations.id, name: organizations.name })
              .from(organizations)
              .where(inArray(organizations.id, orgIds))
          ).map((o) => [o.id, o])
        : [],
    );
    const rows: Row[] = requests.map((request) => ({
      request,
      buyer: orgs.get(request.organizationId) ?? { id: request.organizationId, name: "" },
      supplier: request.awardedOrganizationId ? (orgs.get(request.awardedOrganizationId) ?? null) : null,
    }));
    const codes = [...new Set(rows.flatMap((r) => r.request.cpvCodes))];
    const names = new Map(
      codes.length
        ? (
            await this.db
              .select({ code: cpvCodes.code, name: cpvCodes.nameEn })
              .from(cpvCodes)
              .where(inArray(cpvCodes.code, codes))
          ).map((c) => [c.code, c.name])
        : [],
    );
    return {
      uri,
      version: "1.1",
      publishedDate: now.toISOString(),
      publisher: { name: "Pratica" },
      license: OCDS_LICENSE,
      releases: rows.map((r) => release(r, names)),
    };
  }
}

function release({ request: r, buyer, supplier }: Row, names: ReadonlyMap<string, string>) {
  const awarded = r.state === "AWARDED" && supplier !== null;
  const tag = awarded ? "award" : "tender";
  const [min, max] = BAND_VALUES[r.budgetBand];
  const date = (awarded ? r.awardedAt : (r.closedAt ?? r.openedAt)) ?? r.updatedAt;
  return {
    ocid: `${OCID_PREFIX}${r.id}`,
    id: `${OCID_PREFIX}${r.id}-${tag}-${r.version}`,
    date: date.toISOString(),
    tag: [tag],
    initiationType: "tender",
    parties: [
      { id: buyer.id, name: buyer.name, roles: ["buyer"] },
      ...(awarded && supplier ? [{ id: supplier.id, name: supplier.name, roles: ["supplier"] }] : []),
    ],
    buyer,
    tender: {
      id: r.id,
      title: r.title,
      description: r.description,
      status: TENDER_STATUS[r.state],
      items: r.cpvCodes.map((code, i) => ({
        id: String(i + 1),
        description: names.get(code) ?? code,
        classification: { scheme: "CPV", id: code, description: names.get(code) ?? code },
      })),
      minValue: money(min),
      ...(max === null ? {} : { value: money(max) }),
      tenderPeriod: {
        ...(r.openedAt ? { startDate: r.openedAt.toISOString() } : {}),
        endDate: r.deadlineAt.toISOString(),
      },
    },
    ...(awarded && supplier
      ? {
          awards: [
            {
              id: `${r.id}-award`,
              status: "active",
              ...(r.awardedAt ? { date: r.awardedAt.toISOString() } : {}),
              ...(r.awardedAmount !== null ? { value: money(r.awardedAmount) } : {}),
              ...(r.outcomeNote ? { description: r.outcomeNote } : {}),
              suppliers: [supplier],
            },
          ],
        }
      : {}),
  };
}
