import {
  type Database,
  type Executor,
  type FundingCallRow,
  fundingCallImports,
  fundingCallRevisions,
  fundingCalls,
} from "@pratica/db";
import { FUNDING_IMPORT_MAX_BYTES } from "@pratica/rules";
import { and, eq, inArray, sql } from "drizzle-orm";
import { unitOfWork } from "../../../core/unit-of-work.js";
import { type CallValues, changedFields, contentHash, normalise, valuesAsJson } from "./normalise.js";
import { FatalImportError, fatal, type ImportProblem } from "./problems.js";
import { type ImportFormat, readExport } from "./read.js";

export type ImportRequest = {
  /** "EU_FT" unless the file comes from another source. */
  source: string;
  fileName: string;
  format: ImportFormat;
  /** The file's bytes, as uploaded or read from disk. */
  body: Buffer;
  /** The admin who uploaded it; null from the command line. */
  actorId: string | null;
};

export type ImportCounts = { created: number; updated: number; unchanged: number; archived: number; rejected: number };

export type ImportOutcome =
  | { ok: true; id: string; counts: ImportCounts; problems: ImportProblem[] }
  | { ok: false; problems: ImportProblem[] };

// One import at a time across every api instance and the CLI: two imports of overlapping files
// would otherwise both find a call missing and both create it, or both revise it from the same revision.
const IMPORT_LOCK = sql`select pg_advisory_xact_lock(hashtext('pratica:funding-call-import'))`;

const rowValues = (row: FundingCallRow): CallValues => ({
  callIdentifier: row.callIdentifier,
  title: row.title,
  programme: row.programme as CallValues["programme"],
  status: row.status,
  opensAt: row.opensAt,
  deadlineAt: row.deadlineAt,
  deadlineTimeZone: row.deadlineTimeZone,
  budgetTotal: row.budgetTotal,
  budgetPerProjectMin: row.budgetPerProjectMin,
  budgetPerProjectMax: row.budgetPerProjectMax,
  expectedGrants: row.expectedGrants,
  typeOfAction: row.typeOfAction,
  themes: row.themes,
  keywords: row.keywords,
  description: row.description,
  url: row.url,
});

/**
 * Imports an export of the Funding & Tenders portal's search results (docs/hub.md, "Importing"):
 * every row upserted by (source, identifier) in ONE transaction with the import's record, so a
 * failure leaves nothing behind. A fatal problem (unreadable file, wrong shape, too large) writes
 * nothing at all.
 */
export class FundingCallImporter {
  constructor(
    private readonly db: Database,
    private readonly clock: () => Date,
  ) {}

  async run(request: ImportRequest): Promise<ImportOutcome> {
    if (request.body.byteLength > FUNDING_IMPORT_MAX_BYTES) {
      return { ok: false, problems: [fatal(`The file is larger than ${FUNDING_IMPORT_MAX_BYTES} bytes.`)] };
    }
    const text = request.body.toString("utf8");
    if (text.trim() === "") return { ok: false, problems: [fatal("The file is empty.")] };
    let raws: ReturnType<typeof readExport>;
    try {
      raws = readExport(request.format, text);
    } catch (err) {
      if (err instanceof FatalImportError) return { ok: false, problems: err.problems };
      throw err;
    }
    const problems: ImportProblem[] = [];
    const rows: { identifier: string; values: CallValues }[] = [];
    const seen = new Set<string>();
    let rejected = 0;
    for (const raw of raws) {
      const n = normalise(raw);
      if (!n.ok) {
        problems.push(n.problem);
        rejected++;
        continue;
      }
      if (seen.has(n.identifier)) {
        problems.push({
          row: raw.row,
          identifier: n.identifier,
          field: "identifier",
          reason: "The identifier appears earlier in this file: row left out.",
          severity: "REJECTED",
        });
        rejected++;
        continue;
      }
      seen.add(n.identifier);
      problems.push(...n.warnings);
      rows.push({ identifier: n.identifier, values: n.values });
    }
    const now = this.clock();
    return unitOfWork(this.db, async ({ tx }) => {
      await tx.execute(IMPORT_LOCK);
      const [record] = await tx
        .insert(fundingCallImports)
        .values({
          source: request.source,
          fileName: request.fileName,
          format: request.format,
          actorId: request.actorId,
        })
        .returning({ id: fundingCallImports.id });
      if (!record) throw new Error("import not recorded");
      const counts = { ...(await this.upsert(tx, request.source, rows, record.id, now)), rejected };
      await tx
        .update(fundingCallImports)
        .set({ ...counts, report: problems })
        .where(eq(fundingCallImports.id, record.id));
      return { ok: true as const, id: record.id, counts, problems };
    });
  }

  private async upsert(
    tx: Executor,
    source: string,
    rows: { identifier: string; values: CallValues }[],
    importId: string,
    now: Date,
  ): Promise<Omit<ImportCounts, "rejected">> {
    const counts = { created: 0, updated: 0, unchanged: 0, archived: 0 };
    const identifiers = rows.map((r) => r.identifier);
    const existing = identifiers.length
      ? await tx
          .select()
          .from(fundingCalls)
          .where(and(eq(fundingCalls.source, source), inArray(fundingCalls.identifier, identifiers)))
      : [];
    const byIdentifier = new Map(existing.map((c) => [c.identifier, c]));
    for (const { identifier, values } of rows) {
      const hash = contentHash(values);
      // Closed by the source, or its deadline passed: out of the default list (and of matching).
      const over = values.status === "CLOSED" || (values.deadlineAt !== null && values.deadlineAt <= now);
      const before = byIdentifier.get(identifier);
      if (!before) {
        await tx.insert(fundingCalls).values({
          source,
          identifier,
          ...values,
          contentHash: hash,
          archivedAt: over ? now : null,
          importId,
        });
        counts.created++;
        if (over) counts.archived++;
        continue;
      }
      const archiving = over && before.archivedAt === null;
      // A call the source reopens (a deadline moved later) comes back to the list.
      const archivedAt = over ? (before.archivedAt ?? now) : null;
      if (before.contentHash === hash) {
        counts.unchanged++;
        if (archiving || archivedAt !== before.archivedAt) {
          await tx.update(fundingCalls).set({ archivedAt }).where(eq(fundingCalls.id, before.id));
        }
        if (archiving) counts.archived++;
        continue;
      }
      const old = rowValues(before);
      await tx.insert(fundingCallRevisions).values({
        callId: before.id,
        revision: before.revision,
        data: valuesAsJson(old),
        changedFields: changedFields(old, values),
        importId,
      });
      await tx
        .update(fundingCalls)
        .set({ ...values, contentHash: hash, revision: before.revision + 1, archivedAt, importId, updatedAt: now })
        .where(eq(fundingCalls.id, before.id));
      counts.updated++;
      if (archiving) counts.archived++;
    }
    return counts;
  }
}
