import type { Database, OrganizationRow } from "@pratica/db";
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { errorCode, type GqlResult } from "../client.js";

export const PROFILE = `id organization { id } offer offerEn offerIt capacity wholeMetroArea published version viewerCanEdit
  directConventionEligible cpvCodes { code checkDigit } serviceArea { code name }
  certifications { id kind verification expired directConventionEligible version }`;

export const SAVE = `mutation($i: SaveSupplierProfileInput!) { saveSupplierProfile(input: $i) { ${PROFILE} } }`;
export const ADD = `mutation($i: AddCertificationInput!) { addCertification(input: $i) { id kind label verification version expired directConventionEligible bcorpScore impactReportYear } }`;
export const UPDATE = `mutation($i: UpdateCertificationInput!) { updateCertification(input: $i) { id kind verification version validUntil } }`;
export const REMOVE = `mutation($id: ID!, $v: Int!) { removeCertification(id: $id, version: $v) }`;
export const VERIFY = `mutation($id: ID!, $v: Int!) { verifyCertification(id: $id, version: $v) { id verification version verifiedAt directConventionEligible } }`;
export const REJECT = `mutation($id: ID!, $v: Int!, $r: String!) { rejectCertification(id: $id, version: $v, reason: $r) { id verification version rejectionReason } }`;
export const ORG_PROFILE = `query($slug: String!) { organization(slug: $slug) { supplierProfile { ${PROFILE} } } }`;
export const DIRECTORY = `query($first: Int, $after: String, $cpv: String, $municipality: String, $certification: CertificationKind, $query: String) {
  suppliers(first: $first, after: $after, cpv: $cpv, municipality: $municipality, certification: $certification, query: $query) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { organization { id name } certifications { kind verification } } } } }`;

/** A profile's input with sensible defaults. */
export const profileInput = (o: OrganizationRow, more: Record<string, unknown> = {}) => ({
  organizationId: o.id,
  version: null,
  offerEn: "Cleaning of offices and schools",
  offerIt: "Pulizia di uffici e scuole",
  capacity: "40 workers",
  cpvCodes: ["90910000-9"],
  serviceArea: ["001272"],
  wholeMetroArea: false,
  published: true,
  ...more,
});

/** Rows of a table as one text, whatever its key: for "a refusal changed nothing". */
async function tableText(db: Database, table: string): Promise<string> {
  const result: unknown = await db.execute(
    sql.raw(`select coalesce(string_agg(t::text, E'\\n' order by t::text), '') as s from ${table} t`),
  );
  const rows = Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? []);
  return String((rows[0] as { s?: string } | undefined)?.s ?? "");
}

/** The request is refused with `code` (and `field`), and none of `tables` (nor the audit log, nor notifications) changed. */
export async function refusedUnchanged(
  db: Database,
  tables: readonly string[],
  request: () => Promise<GqlResult>,
  code: string,
  field?: string,
): Promise<GqlResult> {
  const all = [...tables, "audit_log", "notifications"];
  const before = await Promise.all(all.map((t) => tableText(db, t)));
  const res = await request();
  expect(errorCode(res), JSON.stringify(res.errors)).toBe(code);
  if (field) expect(res.errors?.[0]?.extensions?.field).toBe(field);
  expect(await Promise.all(all.map((t) => tableText(db, t)))).toEqual(before);
  return res;
}
