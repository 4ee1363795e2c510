import { type Database, type Executor, users } from "@pratica/db";
import { sql } from "drizzle-orm";
import { anyId, keyedLoader, perDatabase } from "../../core/loader.js";
import type { TrustFacts } from "./trust.policy.js";

/**
 * Everything the trust rule reads of an account in one statement: the account's own columns and
 * two `exists` (a representative of a signatory organisation; an active facilitator anywhere).
 */
const factColumns = {
  userId: users.id,
  role: users.role,
  createdAt: users.createdAt,
  vouchedAt: users.vouchedAt,
  deletedAt: users.deletedAt,
  representsSignatory: sql<boolean>`exists (
    select 1 from organization_members om join organizations o on o.id = om.organization_id
    where om.user_id = users.id and om.role = 'REPRESENTATIVE' and o.memorandum_signed_on is not null)`.as(
    "represents_signatory",
  ),
  facilitates: sql<boolean>`exists (
    select 1 from community_memberships cm
    where cm.user_id = users.id and cm.role = 'FACILITATOR' and cm.status = 'ACTIVE')`.as("facilitates"),
};

export type TrustFactsRow = TrustFacts & { userId: string; deletedAt: Date | null };

const prepared = perDatabase((db: Database) => ({
  trustFacts: db.select(factColumns).from(users).where(anyId(users.id)).prepare("trust_facts"),
}));

/** One account's facts read in a unit of work's transaction (vouching checks them under its write). */
export async function readTrustFacts(executor: Executor, userId: string): Promise<TrustFactsRow | undefined> {
  const [row] = await executor.select(factColumns).from(users).where(sql`${users.id} = ${userId}::uuid`);
  return row;
}

/** One account's facts through the prepared statement: every thread and reply asks it. */
export async function trustFactsOf(db: Database, userId: string): Promise<TrustFactsRow | undefined> {
  return (await prepared(db).trustFacts.execute({ ids: [userId] }))[0];
}

/** The facts of the people a page shows, one statement per page (User.trusted, User.viewerCanVouch). */
export const trustLoaders = (db: Database) => ({
  trustFacts: keyedLoader(
    (ids: readonly string[]) => prepared(db).trustFacts.execute({ ids }),
    (row: TrustFactsRow) => row.userId,
  ),
});
