import {
  type CommunityRow,
  communityMemberships,
  deliverables,
  endorsements,
  observatoryMonthly,
  observatoryState,
  organizations,
  posts,
  resources,
} from "@pratica/db";
import { asc, eq, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { beforeAll, describe, expect, it } from "vitest";
import { unitOfWork } from "../../core/unit-of-work.js";
import { gql } from "../client.js";
import { addMember, buildCommunity, buildThread, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";

// The observatory's "now": every refresh of this file (the job's too) computes as of it.
const NOW = new Date("2026-06-15T12:00:00Z");
const at = (iso: string) => new Date(`${iso}T10:00:00Z`);

const OBSERVATORY = `{ observatory {
  refreshedAt
  totals { partners formerPartners communities members threads replies resources documents endorsements }
  partnersByCategory { category partners }
  partnersBySigningYear { year joined withdrawn total }
  communities { community { id slug } members
    months { month membersJoined threads replies resources documents endorsements } }
  themes { theme { key name nameEn nameIt } partners communities activity }
} }`;

const server = useTestServer({ OBSERVATORY_REFRESH_DELAY_SECONDS: "1" }, undefined, { observatoryClock: () => NOW });

let open: CommunityRow;
let closed: CommunityRow;
let archived: CommunityRow;
let u1: TestUser;
let u2: TestUser;
let admin: TestUser;

type Month = {
  month: string;
  membersJoined: number;
  threads: number;
  replies: number;
  resources: number;
  documents: number;
  endorsements: number;
};
type Activity = { community: { id: string }; members: number; months: Month[] };
const zero = { membersJoined: 0, threads: 0, replies: 0, resources: 0, documents: 0, endorsements: 0 };
const nonZero = (a: Activity | undefined) =>
  a?.months.filter((m) => Object.entries(m).some(([k, v]) => k !== "month" && v !== 0)) ?? [];

beforeAll(async () => {
  const db = server.db;
  [u1, u2, admin] = [await buildUser(db), await buildUser(db), await buildUser(db, { role: "ADMIN" })];
  const u3 = await buildUser(db);
  open = await buildCommunity(db, { themes: ["circular-economy", "social-inclusion"], name: "A open" });
  closed = await buildCommunity(db, { visibility: "MEMBERS", themes: ["circular-economy"], name: "B closed" });
  archived = await buildCommunity(db, { archivedAt: at("2026-01-01"), themes: ["circular-economy"], name: "C old" });

  const member = async (c: CommunityRow, u: TestUser, when: string, status: "ACTIVE" | "PENDING" = "ACTIVE") => {
    const m = await addMember(db, c, u, "MEMBER", status);
    await db
      .update(communityMemberships)
      .set({ createdAt: at(when) })
      .where(eqId(communityMemberships.id, m.id));
  };
  await member(open, u1, "2026-05-03");
  await member(open, u2, "2026-06-01");
  await member(open, u3, "2026-06-01", "PENDING");
  await member(closed, u1, "2025-12-10");

  const t1 = await buildThread(db, open, u1, { createdAt: at("2026-05-10") });
  const t2 = await buildThread(db, open, u1, { createdAt: at("2026-06-02") });
  await buildThread(db, open, u1, { createdAt: at("2026-06-03"), hiddenAt: at("2026-06-04") });
  const t4 = await buildThread(db, closed, u1, { createdAt: at("2026-04-20") });
  const post = (t: typeof t1, when: string, extra: Partial<typeof posts.$inferInsert> = {}) =>
    db.insert(posts).values({
      threadId: t.id,
      communityId: t.communityId,
      authorId: u1.id,
      body: "r",
      createdAt: at(when),
      ...extra,
    });
  await post(t1, "2026-05-11");
  await post(t1, "2026-05-12");
  await post(t2, "2026-06-05");
  await post(t2, "2026-06-06", { deletedAt: at("2026-06-07") });
  await post(t4, "2026-04-21");

  await db.insert(resources).values([
    {
      communityId: open.id,
      proposerId: u1.id,
      title: "Published",
      summary: "s",
      kind: "GUIDE",
      language: "en",
      status: "PUBLISHED",
      publishedAt: at("2026-06-07"),
    },
    { communityId: open.id, proposerId: u1.id, title: "Proposed", summary: "s", kind: "GUIDE", language: "en" },
  ]);
  const [doc] = await db
    .insert(deliverables)
    .values({
      communityId: open.id,
      creatorId: u1.id,
      title: "Manifesto",
      status: "PUBLISHED",
      publishedAt: at("2026-03-01"),
    })
    .returning();
  await db.insert(organizations).values([
    {
      slug: "x",
      name: "X coop",
      category: "THIRD_SECTOR_AND_CULTURE",
      memorandumSignedOn: "2017-05-01",
      themes: ["circular-economy"],
    },
    {
      slug: "y",
      name: "Y bank",
      category: "FINANCE_AND_PHILANTHROPY",
      memorandumSignedOn: "2019-02-01",
      withdrawnOn: "2025-09-01",
      themes: ["circular-economy"],
    },
    {
      slug: "z",
      name: "Z coop",
      category: "THIRD_SECTOR_AND_CULTURE",
      memorandumSignedOn: "2025-01-10",
      themes: ["social-inclusion"],
    },
    { slug: "w", name: "W university", category: "RESEARCH_AND_TECH_TRANSFER" },
  ]);
  const orgX = (await db.select().from(organizations)).find((o) => o.slug === "x");
  if (!doc || !orgX) throw new Error("fixture not made");
  await db.insert(endorsements).values({
    deliverableId: doc.id,
    communityId: open.id,
    organizationId: orgX.id,
    endorserId: u1.id,
    createdAt: at("2026-03-05"),
  });
});

const eqId = (column: PgColumn, id: string) => eq(column, id);

describe("observatory", () => {
  it("computes the figures of a known fixture", async () => {
    const result = await server.services.observatory.refresh(NOW);
    expect(result.full).toBe(true);
    const res = await gql(server.url, OBSERVATORY, {}, { token: admin.token, headers: { "accept-language": "en" } });
    expect(res.errors).toBeUndefined();
    const o = res.data?.observatory;
    expect(o.refreshedAt).toBe(NOW.toISOString());
    expect(o.totals).toEqual({
      partners: 3,
      formerPartners: 1,
      communities: 2,
      members: 2,
      threads: 3,
      replies: 4,
      resources: 1,
      documents: 1,
      endorsements: 1,
    });
    expect(o.partnersByCategory.slice(0, 2)).toEqual([
      { category: "THIRD_SECTOR_AND_CULTURE", partners: 2 },
      { category: "RESEARCH_AND_TECH_TRANSFER", partners: 1 },
    ]);
    expect(o.partnersByCategory).toHaveLength(8);
    expect(
      o.partnersByCategory.find((c: { category: string }) => c.category === "FINANCE_AND_PHILANTHROPY").partners,
    ).toBe(0);
    const years = o.partnersBySigningYear;
    expect(years.map((y: { year: number }) => y.year)).toEqual([
      2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026,
    ]);
    expect(years[0]).toEqual({ year: 2017, joined: 1, withdrawn: 0, total: 1 });
    expect(years[2]).toEqual({ year: 2019, joined: 1, withdrawn: 0, total: 2 });
    expect(years[8]).toEqual({ year: 2025, joined: 1, withdrawn: 1, total: 2 });
    expect(years[9]).toEqual({ year: 2026, joined: 0, withdrawn: 0, total: 2 });

    const byId = new Map<string, Activity>(o.communities.map((c: Activity) => [c.community.id, c]));
    expect(byId.has(archived.id)).toBe(false);
    const a = byId.get(open.id);
    expect(a?.members).toBe(2);
    expect(a?.months).toHaveLength(24);
    expect(a?.months[0]?.month).toBe("2024-07");
    expect(a?.months[23]?.month).toBe("2026-06");
    expect(nonZero(a)).toEqual([
      { ...zero, month: "2026-03", documents: 1, endorsements: 1 },
      { ...zero, month: "2026-05", membersJoined: 1, threads: 1, replies: 2 },
      { ...zero, month: "2026-06", membersJoined: 1, threads: 1, replies: 1, resources: 1 },
    ]);
    expect(nonZero(byId.get(closed.id))).toEqual([
      { ...zero, month: "2025-12", membersJoined: 1 },
      { ...zero, month: "2026-04", threads: 1, replies: 1 },
    ]);

    expect(o.themes).toHaveLength(10);
    expect(o.themes[0]).toEqual({
      theme: {
        key: "circular-economy",
        name: "Circular economy",
        nameEn: "Circular economy",
        nameIt: "Economia circolare",
      },
      partners: 1,
      communities: 2,
      activity: 8,
    });
    expect(o.themes[1]).toMatchObject({ theme: { key: "social-inclusion" }, partners: 1, communities: 1, activity: 6 });
    expect(o.themes[2].activity).toBe(0);
  });

  it("names the themes in the caller's language", async () => {
    const res = await gql(server.url, OBSERVATORY, {}, { headers: { "accept-language": "it" } });
    expect(res.data?.observatory.themes[0].theme.name).toBe("Economia circolare");
  });

  it("leaves out the communities the viewer may not read", async () => {
    const ids = async (token?: string) =>
      (
        (await gql(server.url, OBSERVATORY, {}, { token })).data?.observatory.communities as Activity[] | undefined
      )?.map((c) => c.community.id);
    expect(await ids()).toEqual([open.id]);
    expect(await ids(u2.token)).toEqual([open.id]);
    expect(await ids(u1.token)).toEqual([open.id, closed.id]);
    expect(await ids(admin.token)).toEqual([open.id, closed.id]);
  });

  it("answers the page with two statements on the cached rows, none touching the content", async () => {
    await gql(server.url, OBSERVATORY); // warm: prepared plans, loaders
    const start = server.statements.length;
    const res = await gql(server.url, OBSERVATORY);
    expect(res.errors).toBeUndefined();
    const run = server.statements.slice(start).filter((s) => !/pgboss/i.test(s));
    expect(run).toHaveLength(2);
    for (const statement of run) {
      expect(statement).not.toMatch(
        /(from|join) "(posts|threads|resources|deliverables|endorsements|community_memberships)"/,
      );
    }
    expect(run[0]).toMatch(/observatory_state/);
    expect(run[1]).toMatch(/observatory_monthly/);
  });

  it("runs the debounced job after requestRefresh", async () => {
    await server.db.delete(observatoryState);
    const refreshed = server.services.observatory.nextRefresh();
    await unitOfWork(server.db, async (w) => server.services.observatory.requestRefresh(w));
    const result = await refreshed;
    expect(result.refreshedAt.toISOString()).toBe(NOW.toISOString());
    const [state] = await server.db.select().from(observatoryState);
    expect(state?.refreshedAt.toISOString()).toBe(NOW.toISOString());
  });

  it("gathers a burst of requests into one or two jobs (debounced)", async () => {
    const jobs = async () => {
      const res = await server.db.execute(
        sql`select count(*)::int as n from pgboss.job where name = 'observatory-refresh' and singleton_key = 'requested'`,
      );
      const rows = (Array.isArray(res) ? res : (res as { rows: { n: number }[] }).rows) as { n: number }[];
      return Number(rows[0]?.n ?? 0);
    };
    const before = await jobs();
    const refreshed = server.services.observatory.nextRefresh();
    for (let i = 0; i < 5; i++) {
      await unitOfWork(server.db, async (w) => server.services.observatory.requestRefresh(w));
    }
    await refreshed;
    // sendDebounced keeps one job in the current time slot (1 s here) and at most one in the next;
    // five requests within milliseconds may straddle one slot's end: at most three jobs, never five.
    const made = (await jobs()) - before;
    expect(made).toBeGreaterThanOrEqual(1);
    expect(made).toBeLessThanOrEqual(3);
  });

  it("gives after new activity, incrementally, what a full rebuild gives", async () => {
    await server.services.observatory.refresh(NOW, { full: true });
    const t = await buildThread(server.db, closed, u1, { createdAt: at("2026-05-20") });
    await server.db.insert(posts).values([
      { threadId: t.id, communityId: closed.id, authorId: u1.id, body: "new", createdAt: at("2026-06-10") },
      { threadId: t.id, communityId: closed.id, authorId: u1.id, body: "new", createdAt: at("2026-06-11") },
      // The first minute of the previous month (UTC): still recounted.
      {
        threadId: t.id,
        communityId: closed.id,
        authorId: u1.id,
        body: "edge",
        createdAt: new Date("2026-05-01T00:00:30Z"),
      },
    ]);
    await addMember(server.db, archived, u2);
    const snapshot = async () => ({
      monthly: await server.db
        .select()
        .from(observatoryMonthly)
        .orderBy(asc(observatoryMonthly.communityId), asc(observatoryMonthly.month)),
      figures: { ...((await server.db.select().from(observatoryState))[0]?.figures ?? {}), fullRebuiltAt: null },
    });
    const incremental = await server.services.observatory.refresh(NOW);
    expect(incremental).toMatchObject({ full: false, from: "2026-05-01" });
    const afterIncremental = await snapshot();
    await server.services.observatory.refresh(NOW, { full: true });
    expect(await snapshot()).toEqual(afterIncremental);
    expect(afterIncremental.figures).toMatchObject({ totals: { threads: 4, replies: 7, members: 2 } });
    expect(afterIncremental.monthly.find((r) => r.communityId === closed.id && r.month === "2026-06-01")).toMatchObject(
      { replies: 2 },
    );
  });

  it("rebuilds every month once a day, and answers before any refresh by refreshing", async () => {
    const nextDay = new Date(NOW.getTime() + 25 * 3_600_000);
    expect(await server.services.observatory.refresh(nextDay)).toMatchObject({ full: true, from: null });
    await server.db.delete(observatoryState);
    const res = await gql(server.url, OBSERVATORY, {}, { headers: { "accept-language": "en" } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.observatory).toMatchObject({ refreshedAt: NOW.toISOString(), totals: { threads: 4 } });
  });
});

describe.runIf(process.env.TEST_DB === "postgres")("refreshes at once (PostgreSQL)", () => {
  it("take turns: two full refreshes and an incremental one together all succeed, leaving what one leaves", async () => {
    await server.services.observatory.refresh(NOW, { full: true });
    const rows = () =>
      server.db
        .select()
        .from(observatoryMonthly)
        .orderBy(asc(observatoryMonthly.communityId), asc(observatoryMonthly.month));
    const alone = await rows();
    const results = await Promise.all([
      server.services.observatory.refresh(NOW, { full: true }),
      server.services.observatory.refresh(NOW, { full: true }),
      server.services.observatory.refresh(NOW),
    ]);
    expect(results.map((r) => r.full)).toEqual([true, true, false]);
    expect(await rows()).toEqual(alone);
  });
});
