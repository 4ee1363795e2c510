import { membershipApplications, notifications, users } from "@pratica/db";
import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode } from "../client.js";
import { buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { applicationIn, as, buildCast, type Cast, DECIDE, LIST, MINE, ONE, refused, submitted } from "./support.js";

const server = useTestServer();
const request = as(() => server.url);
let cast: Cast;
let applicationId: string;
let contactEmail: string;
let nameEn: string;
beforeAll(async () => {
  cast = await buildCast(server.db);
  const a = await submitted(server.url, cast.applicant, { communityIds: [cast.community.id] });
  applicationId = a.id;
  contactEmail = String(a.input.contactEmail);
  nameEn = String(a.input.nameEn);
});

describe("membershipApplication(id)", () => {
  it("its applicant and the admins read it, with the contacts and the abilities each one has", async () => {
    const mine = await request(cast.applicant, ONE, { id: applicationId });
    expect(mine.data?.membershipApplication).toMatchObject({
      contactEmail,
      viewerCanEdit: true,
      viewerCanWithdraw: true,
      viewerCanDecide: false,
    });
    const admin = await request(cast.admin, ONE, { id: applicationId });
    expect(admin.data?.membershipApplication).toMatchObject({
      contactEmail,
      viewerCanEdit: false,
      viewerCanWithdraw: false,
      viewerCanDecide: true,
    });
  });

  it("anyone else: NOT_FOUND, exactly as for an application that does not exist", async () => {
    expect(errorCode(await request(undefined, ONE, { id: applicationId }))).toBe("UNAUTHENTICATED");
    for (const who of [cast.member, cast.facilitator, cast.unconfirmed]) {
      const res = await request(who, ONE, { id: applicationId });
      expect(errorCode(res)).toBe("NOT_FOUND");
      expect(res.data?.membershipApplication ?? null).toBeNull();
      expect(JSON.stringify(res)).not.toContain(contactEmail);
    }
    const missing = await request(cast.member, ONE, { id: "00000000-0000-4000-8000-000000000000" });
    const hidden = await request(cast.member, ONE, { id: applicationId });
    expect(missing.errors?.[0]?.message).toBe(hidden.errors?.[0]?.message);
    expect(errorCode(await request(cast.admin, ONE, { id: "nope" }))).toBe("NOT_FOUND");
  });

  it("an unconfirmed applicant reads it but may not change it (the abilities say so)", async () => {
    const applicant = await buildUser(server.db);
    const { id } = await submitted(server.url, applicant);
    await server.db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, applicant.id));
    const res = await request(applicant, ONE, { id });
    expect(res.data?.membershipApplication).toMatchObject({ id, viewerCanEdit: false, viewerCanWithdraw: false });
  });
});

describe("myMembershipApplications", () => {
  it("the viewer's own, newest first; nobody else's", async () => {
    const applicant = await buildUser(server.db);
    const first = await submitted(server.url, applicant);
    const second = await submitted(server.url, applicant);
    const res = await request(applicant, MINE);
    expect(res.data?.myMembershipApplications.map((a: { id: string }) => a.id)).toEqual([second.id, first.id]);
    expect((await request(cast.member, MINE)).data?.myMembershipApplications).toEqual([]);
    expect(errorCode(await request(undefined, MINE))).toBe("UNAUTHENTICATED");
  });
});

describe("membershipApplications (the review list)", () => {
  it("admins only", async () => {
    expect(errorCode(await request(undefined, LIST, {}))).toBe("UNAUTHENTICATED");
    for (const who of [cast.member, cast.facilitator, cast.applicant, cast.unconfirmed]) {
      expect(errorCode(await request(who, LIST, {}))).toBe("FORBIDDEN");
    }
  });

  it("oldest first, keyset pages, the status filter and its total", async () => {
    const applicant: TestUser = await buildUser(server.db);
    const declined = await applicationIn(server.db, applicant, "DECLINED");
    await applicationIn(server.db, applicant, "DECLINED");
    await applicationIn(server.db, applicant, "DECLINED");
    const all = await server.db
      .select({ id: membershipApplications.id })
      .from(membershipApplications)
      .where(eq(membershipApplications.status, "DECLINED"))
      .orderBy(membershipApplications.createdAt, membershipApplications.id);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res = await request(cast.admin, LIST, { first: 2, after, status: "DECLINED" });
      const page = res.data?.membershipApplications;
      expect(page.totalCount).toBe(all.length);
      seen.push(...page.edges.map((e: { node: { id: string; status: string } }) => e.node.id));
      for (const e of page.edges) expect(e.node.status).toBe("DECLINED");
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.map((r) => r.id));
    expect(seen).toContain(declined.id);
    const [count] = await server.db.select({ n: sql<number>`count(*)::int` }).from(membershipApplications);
    expect((await request(cast.admin, LIST, { first: 1 })).data?.membershipApplications.totalCount).toBe(count?.n);
  });

  it("a page of 3 and one of 12, with every edge, take the same statements", async () => {
    for (let i = 0; i < 12; i++) {
      const a = await applicationIn(server.db, await buildUser(server.db), "SUBMITTED");
      await server.db
        .update(membershipApplications)
        .set({ communityIds: [cast.community.id], themes: ["pro-bono"], sdgs: [16] })
        .where(eq(membershipApplications.id, a.id));
    }
    const statementsFor = async (first: number) => {
      const start = server.statements.length;
      const res = await request(
        cast.admin,
        `query($first: Int) { membershipApplications(first: $first, status: SUBMITTED) { totalCount edges { node {
          id name themes { name } sdgs { name } communities { slug } applicant { displayName } organization { slug }
          history { toStatus actor { displayName } } viewerCanDecide
        } } } }`,
        { first },
      );
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      expect(res.data?.membershipApplications.edges).toHaveLength(first);
      return server.statements.length - start;
    };
    // Measured: 6 statements for either page (the page, its count, and one batch per edge).
    expect(await statementsFor(12)).toBe(await statementsFor(3));
  });

  it("refuses a bad page size or cursor, naming it", async () => {
    const big = await request(cast.admin, LIST, { first: 101 });
    expect([errorCode(big), big.errors?.[0]?.extensions?.field]).toEqual(["BAD_USER_INPUT", "first"]);
    const forged = await request(cast.admin, LIST, { after: "not-a-cursor" });
    expect([errorCode(forged), forged.errors?.[0]?.extensions?.field]).toEqual(["BAD_USER_INPUT", "after"]);
  });
});

describe("every other edge: nothing of an application reaches anyone but its applicant and the admins", () => {
  it("Notification.application is re-checked: an admin who stepped down keeps the notification, not the application", async () => {
    const former = await buildUser(server.db, { role: "ADMIN" });
    const { id } = await submitted(server.url, await buildUser(server.db));
    const query = `{ notifications(first: 100) { edges { node { kind application { id contactEmail } } } } }`;
    const asAdmin = await request(former, query);
    expect(asAdmin.data?.notifications.edges).toContainEqual({
      node: { kind: "APPLICATION_SUBMITTED", application: expect.objectContaining({ id }) },
    });
    await server.db.update(users).set({ role: "USER" }).where(eq(users.id, former.id));
    const after = await request(former, query);
    const submittedNews = after.data?.notifications.edges.filter(
      (e: { node: { kind: string } }) => e.node.kind === "APPLICATION_SUBMITTED",
    );
    expect(submittedNews.length).toBeGreaterThan(0);
    for (const e of submittedNews) expect(e.node.application).toBeNull();
  });

  it("a member who is not the applicant finds it nowhere: no notification, no search hit, no list", async () => {
    const told = await server.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.applicationId, applicationId),
          inArray(notifications.userId, [cast.member.id, cast.facilitator.id]),
        ),
      );
    expect(told).toEqual([]);
    const search = await request(
      cast.member,
      `query($q: String!) { search(query: $q) { totalCount edges { node { __typename } } } }`,
      {
        q: nameEn,
      },
    );
    expect(search.errors).toBeUndefined();
    expect(JSON.stringify(search.data)).not.toContain(contactEmail);
    const notes = await request(cast.member, `{ notifications { edges { node { application { id } } } } }`);
    expect(JSON.stringify(notes.data)).not.toContain(applicationId);
  });

  it("the history and the applicant's account come with the application only", async () => {
    const { id } = await submitted(server.url, await buildUser(server.db));
    await request(cast.admin, DECIDE, {
      i: { applicationId: id, decision: "REQUEST_INFO", message: "Internal question", expectedVersion: 1 },
    });
    await refused(server.db, () => request(cast.member, ONE, { id }), "NOT_FOUND");
  });
});
