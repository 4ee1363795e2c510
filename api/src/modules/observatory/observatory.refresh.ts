import {
  communities,
  communityMemberships,
  deliverables,
  type Executor,
  endorsements,
  type OrganizationRow,
  observatoryMonthly,
  observatoryState,
  organizationCategory,
  organizations,
  posts,
  resources,
  threads,
} from "@pratica/db";
import { THEME_KEYS } from "@pratica/rules";
import { type SQL, sql } from "drizzle-orm";
import { monthStart, type StoredFigures, signingYears, THEME_MONTHS } from "./observatory.figures.js";

/** What a refresh did: whole or the months that can still change, and from which month. */
export type RefreshResult = { full: boolean; from: string | null; refreshedAt: Date };

/** A full rebuild at least this often, so edits to older months (a deletion, a hidden post) reach the figures. */
export const FULL_REBUILD_HOURS = 24;

// Serialises refreshes across api instances and the job: two at once would both rebuild the months.
const REFRESH_LOCK = sql`select pg_advisory_xact_lock(hashtext('pratica.observatory-refresh'))`;

/**
 * Recomputes the observatory's cached figures inside `tx`: the monthly rows per community (all
 * of them when `full`, else only from the previous month on, through range scans of the
 * created_at indexes of migration 0011) and the figures that are not per month, from the small
 * tables (organisations, communities, memberships) and the monthly rows.
 */
export async function refreshFigures(tx: Executor, now: Date, force: "full" | "auto"): Promise<RefreshResult> {
  await tx.execute(REFRESH_LOCK);
  const [state] = await tx.select({ figures: observatoryState.figures }).from(observatoryState).limit(1);
  const lastFull = (state?.figures as Partial<StoredFigures> | undefined)?.fullRebuiltAt;
  const full =
    force === "full" || !lastFull || now.getTime() - new Date(lastFull).getTime() >= FULL_REBUILD_HOURS * 3_600_000;
  // The current and the previous month can still change (a post at 23:59 on the last day lands
  // as the month turns); earlier months change only by edits, which the daily full rebuild takes.
  const from = full ? null : monthStart(now, 1);
  await tx.execute(
    from
      ? sql`delete from ${observatoryMonthly} where ${observatoryMonthly.month} >= ${from}::date`
      : sql`delete from ${observatoryMonthly}`,
  );
  await tx.execute(monthlyInsert(from));

  const figures = await partnerFigures(tx, now);
  const stored: StoredFigures = {
    ...figures,
    fullRebuiltAt: full || !lastFull ? now.toISOString() : lastFull,
  };
  await tx
    .insert(observatoryState)
    .values({ id: 1, refreshedAt: now, figures: stored })
    .onConflictDoUpdate({ target: observatoryState.id, set: { refreshedAt: now, figures: stored } });
  return { full, from, refreshedAt: now };
}

/** The month (UTC) of a timestamp, as the date of its first day. */
const monthOf = (column: SQL) => sql`date_trunc('month', ${column} at time zone 'UTC')::date`;

/**
 * One INSERT … SELECT of every community's months: each source counted per (community, month)
 * on its own, then the counts put side by side. With `from`, each source reads only its rows
 * since then (range scans on the created_at indexes; the small tables are read whole).
 */
function monthlyInsert(from: string | null): SQL {
  // Midnight UTC, whatever the session's time zone (months are UTC months).
  const since = (column: SQL) => (from ? sql` and ${column} >= ${`${from}T00:00:00Z`}::timestamptz` : sql``);
  const joinedAt = sql`coalesce(${communityMemberships.decidedAt}, ${communityMemberships.createdAt})`;
  const source = (column: number, communityId: SQL, at: SQL, table: SQL, where: SQL) => {
    const counts = [0, 0, 0, 0, 0, 0].map((_, i) => (i === column ? sql`count(*)` : sql`0`));
    return sql`select ${communityId} as community_id, ${monthOf(at)} as month, ${sql.join(counts, sql`, `)}
      from ${table} where ${where}${since(at)} group by 1, 2`;
  };
  const sources = [
    source(
      0,
      sql`${communityMemberships.communityId}`,
      joinedAt,
      sql`${communityMemberships}`,
      sql`${communityMemberships.status} = 'ACTIVE'`,
    ),
    source(
      1,
      sql`${threads.communityId}`,
      sql`${threads.createdAt}`,
      sql`${threads}`,
      sql`${threads.hiddenAt} is null`,
    ),
    source(
      2,
      sql`${posts.communityId}`,
      sql`${posts.createdAt}`,
      sql`${posts}`,
      sql`${posts.deletedAt} is null and ${posts.hiddenAt} is null`,
    ),
    source(
      3,
      sql`${resources.communityId}`,
      sql`${resources.publishedAt}`,
      sql`${resources}`,
      sql`${resources.status} in ('PUBLISHED', 'FEATURED') and ${resources.publishedAt} is not null and ${resources.hiddenAt} is null`,
    ),
    source(
      4,
      sql`${deliverables.communityId}`,
      sql`${deliverables.publishedAt}`,
      sql`${deliverables}`,
      sql`${deliverables.status} in ('PUBLISHED', 'ARCHIVED') and ${deliverables.publishedAt} is not null`,
    ),
    source(
      5,
      sql`${endorsements.communityId}`,
      sql`${endorsements.createdAt}`,
      sql`${endorsements}`,
      sql`${endorsements.withdrawnAt} is null`,
    ),
  ];
  return sql`insert into ${observatoryMonthly}
      (community_id, month, members_joined, threads, replies, resources, documents, endorsements)
    select community_id, month, sum(c0)::int, sum(c1)::int, sum(c2)::int, sum(c3)::int, sum(c4)::int, sum(c5)::int
    from (select null::uuid as community_id, null::date as month,
            0::bigint as c0, 0::bigint as c1, 0::bigint as c2, 0::bigint as c3, 0::bigint as c4, 0::bigint as c5 where false
          union all ${sql.join(sources, sql` union all `)}) counted
    group by community_id, month`;
}

/** db.execute answers an array (postgres.js) or `{ rows }` (PGlite). */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}

/** The figures that are not per month: partners, communities, members, totals, themes. */
async function partnerFigures(tx: Executor, now: Date): Promise<Omit<StoredFigures, "fullRebuiltAt">> {
  const num = (v: unknown) => Number(v ?? 0);
  const [orgs] = rowsOf<Record<string, unknown>>(
    await tx.execute(sql`select
      count(*) filter (where ${organizations.withdrawnOn} is null) as partners,
      count(*) filter (where ${organizations.withdrawnOn} is not null) as former,
      (select count(*) from ${communities} where ${communities.archivedAt} is null and ${communities.kind} = 'PRACTICE') as communities,
      (select count(distinct ${communityMemberships.userId}) from ${communityMemberships}
        where ${communityMemberships.status} = 'ACTIVE') as members
      from ${organizations}`),
  );
  const categories = rowsOf<{ category: OrganizationRow["category"]; n: unknown }>(
    await tx.execute(sql`select ${organizations.category} as category, count(*) as n from ${organizations}
      where ${organizations.withdrawnOn} is null group by 1`),
  );
  // A withdrawal counts in the yearly series only for an organisation that had signed (its total stays honest).
  const years = rowsOf<{ kind: "joined" | "withdrawn"; year: unknown; n: unknown }>(
    await tx.execute(sql`
      select 'joined' as kind, extract(year from ${organizations.memorandumSignedOn})::int as year, count(*) as n
        from ${organizations} where ${organizations.memorandumSignedOn} is not null group by 2
      union all
      select 'withdrawn', extract(year from ${organizations.withdrawnOn})::int, count(*)
        from ${organizations} where ${organizations.withdrawnOn} is not null
          and ${organizations.memorandumSignedOn} is not null group by 2`),
  );
  const members = rowsOf<{ community_id: string; n: unknown }>(
    await tx.execute(sql`select ${communityMemberships.communityId} as community_id, count(*) as n
      from ${communityMemberships} where ${communityMemberships.status} = 'ACTIVE' group by 1`),
  );
  const [activity] = rowsOf<Record<string, unknown>>(
    await tx.execute(sql`select coalesce(sum(threads), 0) as threads, coalesce(sum(replies), 0) as replies,
      coalesce(sum(resources), 0) as resources, coalesce(sum(documents), 0) as documents,
      coalesce(sum(endorsements), 0) as endorsements from ${observatoryMonthly}`),
  );
  const themeRows = rowsOf<{ kind: "partners" | "communities" | "activity"; key: string; n: unknown }>(
    await tx.execute(sql`
      select 'partners' as kind, t as key, count(*) as n
        from ${organizations}, unnest(${organizations.themes}) t where ${organizations.withdrawnOn} is null group by t
      union all
      select 'communities', t, count(*)
        from ${communities}, unnest(${communities.themes}) t
        where ${communities.archivedAt} is null and ${communities.kind} = 'PRACTICE' group by t
      union all
      select 'activity', t, sum(m.threads + m.replies + m.resources)
        from ${observatoryMonthly} m join ${communities} c on c.id = m.community_id, unnest(c.themes) t
        where c.archived_at is null and m.month >= ${monthStart(now, THEME_MONTHS - 1)}::date
          and m.month <= ${monthStart(now)}::date
        group by t`),
  );

  const perCategory = new Map(categories.map((r) => [r.category, num(r.n)]));
  const joined = new Map<number, number>();
  const withdrawn = new Map<number, number>();
  for (const r of years) (r.kind === "joined" ? joined : withdrawn).set(num(r.year), num(r.n));
  const themes = new Map(THEME_KEYS.map((key) => [key as string, { key, partners: 0, communities: 0, activity: 0 }]));
  for (const r of themeRows) {
    const theme = themes.get(r.key);
    if (theme) theme[r.kind] = num(r.n);
  }
  return {
    totals: {
      partners: num(orgs?.partners),
      formerPartners: num(orgs?.former),
      communities: num(orgs?.communities),
      members: num(orgs?.members),
      threads: num(activity?.threads),
      replies: num(activity?.replies),
      resources: num(activity?.resources),
      documents: num(activity?.documents),
      endorsements: num(activity?.endorsements),
    },
    partnersByCategory: organizationCategory.enumValues
      .map((category) => ({ category, partners: perCategory.get(category) ?? 0 }))
      .sort((a, b) => b.partners - a.partners),
    partnersBySigningYear: signingYears(joined, withdrawn, now.getUTCFullYear()),
    themes: [...themes.values()].sort(
      (a, b) => b.activity - a.activity || b.partners - a.partners || b.communities - a.communities,
    ),
    communityMembers: Object.fromEntries(members.map((r) => [r.community_id, num(r.n)])),
  };
}
