import {
  amendments,
  applicationTransitions,
  communities,
  communityMemberships,
  DEMO_PASSWORD,
  deliverables,
  endorsements,
  membershipApplications,
  organizationMembers,
  organizations,
  seed,
  users,
} from "@pratica/db";
import { THEME_KEYS } from "@pratica/rules";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { gql } from "./client.js";
import { useTestServer } from "./fixture.js";

const server = useTestServer();
let firstReport: Awaited<ReturnType<typeof seed>>;
beforeAll(async () => {
  firstReport = await seed(server.db, { demo: true });
});

const count = async (table: typeof users | typeof communities | typeof organizations | typeof communityMemberships) =>
  (await server.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n;

describe("seed", () => {
  it("seeds the five communities, the partner organisations and the demo accounts, idempotently", async () => {
    const before = [
      await count(communities),
      await count(organizations),
      await count(users),
      await count(communityMemberships),
    ];
    await seed(server.db, { demo: true });
    const after = [
      await count(communities),
      await count(organizations),
      await count(users),
      await count(communityMemberships),
    ];
    expect(after).toEqual(before);
    expect(before[0]).toBe(5);
    expect(before[1]).toBeGreaterThanOrEqual(20);
  });

  it("the demo member belongs to every community; the representatives represent the four orders", async () => {
    const login = await gql(server.url, `mutation($i: LoginInput!) { login(input: $i) { token } }`, {
      i: { email: "member@pratica.local", password: DEMO_PASSWORD },
    });
    const token = login.data?.login.token;
    const me = await gql(server.url, `{ viewer { communities { status community { slug } } } }`, {}, { token });
    expect(me.data?.viewer.communities.map((m: { community: { slug: string } }) => m.community.slug).sort()).toEqual([
      "benefit-corporations",
      "circular-economy",
      "gender-equality",
      "neet",
      "op4impact",
    ]);
    const reps = await server.db.select().from(organizationMembers);
    expect(reps.filter((r) => r.role === "REPRESENTATIVE")).toHaveLength(4);
  });

  it("seeds demo discussions once, with replies that quote", async () => {
    const res = await gql(
      server.url,
      `{ community(slug: "op4impact") { threads { totalCount edges { node { title pinned posts { edges { node { replyTo { id } } } } } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const threads = res.data?.community.threads;
    expect(threads.totalCount).toBe(1);
    expect(threads.edges[0].node).toMatchObject({ title: "Manifesto for Impact: how we co-author it", pinned: true });
    expect(threads.edges[0].node.posts.edges.some((e: { node: { replyTo: unknown } }) => e.node.replyTo)).toBe(true);
  });

  it("seeds a library and a published learning path per community, findable in Italian", async () => {
    const res = await gql(
      server.url,
      `{ community(slug: "op4impact") { resources { totalCount } learningPaths { title status steps { resource { title } } } } }`,
    );
    expect(res.data?.community.resources.totalCount).toBe(2);
    expect(res.data?.community.learningPaths).toHaveLength(1);
    expect(res.data?.community.learningPaths[0].status).toBe("PUBLISHED");
    const found = await gql(
      server.url,
      `{ search(query: "impresa sociale") { edges { node { __typename ... on Resource { title } } } } }`,
    );
    expect(found.data?.search.edges.map((e: { node: { title?: string } }) => e.node.title)).toContain(
      "Clausole statutarie per le imprese sociali",
    );
  });

  it("seeds the Manifesto for Impact and a draft in review once, with amendments in every state", async () => {
    expect(firstReport.demoDeliverables).toBe(2);
    expect((await seed(server.db, { demo: true })).demoDeliverables).toBe(0);
    const docs = await server.db.select({ title: deliverables.title, status: deliverables.status }).from(deliverables);
    // The two documents, and the past event's minutes (demo-events.ts).
    expect(docs).toHaveLength(3);
    expect(docs).toContainEqual({ title: "Manifesto per l'Impatto", status: "PUBLISHED" });
    const states = await server.db.selectDistinct({ status: amendments.status }).from(amendments);
    expect(states.map((a) => a.status).sort()).toEqual(["ACCEPTED", "OPEN", "REJECTED", "WITHDRAWN"]);
    expect(await server.db.select().from(endorsements)).toHaveLength(2);
  });

  it("lists the professional orders through the API", async () => {
    const res = await gql(
      server.url,
      `{ organizations(category: PROFESSIONAL_ORDERS) { edges { node { slug category } } } }`,
    );
    expect(res.data?.organizations.edges.map((e: { node: { slug: string } }) => e.node.slug).sort()).toEqual([
      "order-accountants",
      "order-labour-consultants",
      "order-lawyers",
      "order-notaries",
    ]);
  });

  it("each facilitator account facilitates its community", async () => {
    const res = await gql(server.url, `mutation($i: LoginInput!) { login(input: $i) { user { id } token } }`, {
      i: { email: "facilitator.op4impact@pratica.local", password: DEMO_PASSWORD },
    });
    const me = await gql(
      server.url,
      `{ community(slug: "op4impact") { viewerMembership { role status } } }`,
      {},
      { token: res.data?.login.token },
    );
    expect(me.data?.community.viewerMembership).toEqual({ role: "FACILITATOR", status: "ACTIVE" });
  });
});

describe("the ecosystem in the seed", () => {
  it("every organisation has themes of the vocabulary, goals and (with an address) a district; communities have themes", async () => {
    const orgs = await server.db.select().from(organizations);
    expect(orgs.length).toBeGreaterThanOrEqual(42);
    for (const o of orgs) {
      expect(o.themes.length, o.slug).toBeGreaterThan(0);
      for (const t of o.themes) expect(THEME_KEYS, o.slug).toContain(t);
      expect(o.sdgs.length, o.slug).toBeGreaterThan(0);
      if (o.address) expect(o.district, o.slug).toBeTruthy();
    }
    for (const c of await server.db.select().from(communities)) {
      expect(c.themes.length, c.slug).toBeGreaterThan(0);
      for (const t of c.themes) expect(THEME_KEYS, c.slug).toContain(t);
    }
    const years = new Set(orgs.map((o) => o.memorandumSignedOn?.slice(0, 4)));
    for (const year of ["2017", "2020", "2023", "2026"]) expect(years).toContain(year);
  });

  it("one former partner (withdrawn in 2025), out of the default directory, found among former partners", async () => {
    const former = (await server.db.select().from(organizations)).filter((o) => o.withdrawnOn !== null);
    expect(former).toHaveLength(1);
    expect(former[0]?.withdrawnOn?.startsWith("2025-")).toBe(true);
    const res = await gql(
      server.url,
      `{ organizations(status: FORMER) { totalCount edges { node { slug isFormerPartner } } } }`,
    );
    expect(res.data?.organizations.edges).toEqual([{ node: { slug: former[0]?.slug, isFormerPartner: true } }]);
  });

  it("three demo events, seeded once: a full workshop with a waiting list, an online session, a past assembly with minutes", async () => {
    expect(firstReport.demoEvents).toBe(3);
    expect((await seed(server.db, { demo: true })).demoEvents).toBe(0);
    const res = await gql(
      server.url,
      `{ upcoming: events(first: 10) { edges { node { titleEn mode seatsLeft waitlistCount latitude } } }
         past: events(upcoming: false, first: 10) { edges { node { titleEn confirmedCount minutes { title } } } } }`,
    );
    expect(res.data?.upcoming.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { titleEn: "Impact measurement workshop", mode: "IN_PERSON", seatsLeft: 0, waitlistCount: 1, latitude: 45.0497 },
      {
        titleEn: "Online: the pro bono guidelines, chapter by chapter",
        mode: "ONLINE",
        seatsLeft: null,
        waitlistCount: 0,
        latitude: null,
      },
    ]);
    expect(res.data?.past.edges.map((e: { node: unknown }) => e.node)).toEqual([
      {
        titleEn: "Partners' assembly 2026",
        confirmedCount: 4,
        minutes: { title: "Minutes — Partners' assembly 2026" },
      },
    ]);
  });

  it("one pending application by the demo member, with contacts and its first step, seeded once", async () => {
    expect(firstReport.demoApplications).toBe(1);
    expect((await seed(server.db, { demo: true })).demoApplications).toBe(0);
    const [member] = await server.db.select().from(users).where(eq(users.email, "member@pratica.local"));
    const applications = await server.db.select().from(membershipApplications);
    expect(applications).toHaveLength(1);
    expect(applications[0]).toMatchObject({
      status: "SUBMITTED",
      applicantId: member?.id,
      contactEmail: expect.stringMatching(/\.example$/),
      representativeEmail: expect.stringMatching(/\.example$/),
    });
    expect(applications[0]?.communityIds).toHaveLength(2);
    const steps = await server.db.select().from(applicationTransitions);
    expect(steps).toMatchObject([{ applicationId: applications[0]?.id, fromStatus: null, toStatus: "SUBMITTED" }]);
  });
});
