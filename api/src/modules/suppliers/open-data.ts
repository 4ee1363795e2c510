import {
  type CertificationRow,
  certifications,
  cpvCodes,
  type Database,
  type OrganizationRow,
  organizations,
  type SupplierProfileRow,
  supplierCpvCodes,
} from "@pratica/db";
import { stringify } from "csv-stringify/sync";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Locale } from "../../core/context.js";
import { municipalities } from "../cpv/municipalities.js";
import { isDirectConventionEligible, isExpired } from "./suppliers.policy.js";

/** The CSV's columns: key, English header, Italian header. Public fields only (never unverified certifications). */
const COLUMNS = [
  ["slug", "slug", "slug"],
  ["name", "name", "nome"],
  ["page", "page", "pagina"],
  ["offer", "offer", "offerta"],
  ["capacity", "capacity", "capacità"],
  ["cpv", "CPV codes", "codici CPV"],
  ["area", "service area", "area servita"],
  ["certifications", "certifications (verified)", "certificazioni (verificate)"],
  ["direct", "direct conventions (art. 5 l. 381/1991)", "convenzioni dirette (art. 5 l. 381/1991)"],
] as const;

const KIND_NAMES: Record<CertificationRow["kind"], { en: string; it: string }> = {
  SOCIAL_COOP_A: { en: "Social cooperative type A", it: "Cooperativa sociale di tipo A" },
  SOCIAL_COOP_B: { en: "Social cooperative type B", it: "Cooperativa sociale di tipo B" },
  BENEFIT_CORPORATION: { en: "Benefit corporation", it: "Società benefit" },
  B_CORP: { en: "B Corp", it: "B Corp" },
  OTHER: { en: "Other", it: "Altro" },
};

export type SupplierExportRow = {
  profile: SupplierProfileRow;
  organization: OrganizationRow;
  cpv: string[];
  certifications: CertificationRow[];
};

/** What the export shows of each selected profile, in three statements whatever the number of rows. */
export async function exportRows(db: Database, profiles: SupplierProfileRow[]): Promise<SupplierExportRow[]> {
  const ids = profiles.map((p) => p.organizationId);
  if (ids.length === 0) return [];
  const [orgs, codes, certs] = await Promise.all([
    db.select().from(organizations).where(inArray(organizations.id, ids)),
    db
      .select({ organizationId: supplierCpvCodes.organizationId, code: cpvCodes.code, checkDigit: cpvCodes.checkDigit })
      .from(supplierCpvCodes)
      .innerJoin(cpvCodes, eq(cpvCodes.code, supplierCpvCodes.cpvCode))
      .where(inArray(supplierCpvCodes.organizationId, ids))
      .orderBy(asc(cpvCodes.code)),
    db
      .select()
      .from(certifications)
      .where(and(inArray(certifications.organizationId, ids), eq(certifications.verification, "VERIFIED")))
      .orderBy(asc(certifications.kind)),
  ]);
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  return profiles.map((profile) => ({
    profile,
    organization: orgById.get(profile.organizationId) as OrganizationRow,
    cpv: codes.filter((c) => c.organizationId === profile.organizationId).map((c) => `${c.code}-${c.checkDigit}`),
    certifications: certs.filter((c) => c.organizationId === profile.organizationId),
  }));
}

/** `GET /suppliers.csv`: a byte-order mark (spreadsheets then read UTF-8), headers in the chosen language. */
export function suppliersCsv(
  rows: SupplierExportRow[],
  locale: Locale,
  now: Date,
  pageUrl: (slug: string) => string,
): string {
  const it = locale === "it";
  const header = COLUMNS.map(([, en, itName]) => (it ? itName : en));
  const records = rows.map(({ profile: p, organization: o, cpv, certifications: certs }) => {
    const name = it ? o.nameIt.trim() || o.name : o.name.trim() || o.nameIt;
    const offer = it ? p.offerIt.trim() || p.offer : p.offer.trim() || p.offerIt;
    const current = certs.filter((c) => !isExpired(c, now));
    const cells: Record<(typeof COLUMNS)[number][0], string> = {
      slug: o.slug,
      name,
      page: pageUrl(o.slug),
      offer,
      capacity: p.capacity,
      cpv: cpv.join("; "),
      area: p.wholeMetroArea
        ? it
          ? "Tutta la Città metropolitana di Torino"
          : "The whole metropolitan area of Torino"
        : municipalities(p.serviceArea)
            .map((m) => `${m.name} (${m.code})`)
            .join("; "),
      certifications: current
        .map((c) => (c.kind === "OTHER" ? (c.label ?? "") : KIND_NAMES[c.kind][locale]))
        .join("; "),
      direct: current.some((c) => isDirectConventionEligible(c, now)) ? (it ? "sì" : "yes") : it ? "no" : "no",
    };
    return COLUMNS.map(([key]) => cells[key]);
  });
  return `\uFEFF${stringify([header, ...records])}`;
}
