import { auditLog, notifications, organizations } from "@pratica/db";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildOrganization } from "../admin/support.js";
import { errorCode, wsQuery } from "../client.js";
import { buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { APPLY, applicationInput, applicationRow, as, buildCast, type Cast, refused, submitted } from "./support.js";

const server = useTestServer();
const request = as(() => server.url);
let cast: Cast;
beforeAll(async () => {
  cast = await buildCast(server.db);
});

describe("applyForMembership", () => {
  it("submits: stored as given, one history row, one audit entry, the admins notified", async () => {
    const input = applicationInput({ communityIds: [cast.community.id] });
    const res = await request(cast.applicant, APPLY, { i: input }, "en");
    expect(res.errors).toBeUndefined();
    const a = res.data?.applyForMembership;
    expect(a).toMatchObject({
      status: "SUBMITTED",
      nameEn: input.nameEn,
      nameIt: input.nameIt,
      name: input.nameEn,
      category: "THIRD_SECTOR_AND_CULTURE",
      website: "https://coop.example.org",
      district: "Circoscrizione 6",
      latitude: 45.0869,
      longitude: 7.6956,
      themes: [
        { key: "circular-economy", name: "Circular economy" },
        { key: "social-inclusion", name: "Welfare and social inclusion" },
      ],
      // Sorted by number.
      sdgs: [
        { number: 8, name: "Decent work and economic growth" },
        { number: 12, name: "Responsible consumption and production" },
      ],
      communities: [{ id: cast.community.id }],
      contactEmail: input.contactEmail,
      representativeEmail: input.representativeEmail,
      applicant: { id: cast.applicant.id },
      organization: null,
      signedOn: null,
      version: 1,
      viewerCanDecide: false,
      viewerCanEdit: true,
      viewerCanWithdraw: true,
      history: [{ fromStatus: null, toStatus: "SUBMITTED", message: null, actor: { id: cast.applicant.id } }],
    });
    const entries = await server.db.select().from(auditLog).where(eq(auditLog.targetId, a.id));
    expect(entries.map((e) => [e.action, e.actorId])).toEqual([["application.submit", cast.applicant.id]]);
    const told = await server.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.applicationId, a.id), eq(notifications.userId, cast.admin.id)));
    expect(told).toMatchObject([{ kind: "APPLICATION_SUBMITTED", actorId: cast.applicant.id }]);
  });

  it("in Italian: names and vocabulary in the caller's language", async () => {
    const applicant = await buildUser(server.db);
    const input = applicationInput();
    const res = await request(applicant, APPLY, { i: input }, "it");
    expect(res.data?.applyForMembership).toMatchObject({
      name: input.nameIt,
      themes: [{ name: "Economia circolare" }, { name: "Welfare e inclusione sociale" }],
      sdgs: [{ name: "Lavoro dignitoso e crescita economica" }, { name: "Consumo e produzione responsabili" }],
    });
  });

  it("requires login, and a confirmed address", async () => {
    await refused(server.db, () => request(undefined, APPLY, { i: applicationInput() }), "UNAUTHENTICATED");
    const res = await refused(
      server.db,
      () => request(cast.unconfirmed, APPLY, { i: applicationInput() }),
      "FORBIDDEN",
    );
    expect(res.errors?.[0]?.extensions?.reason).toBe("EMAIL_NOT_VERIFIED");
  });

  it("refuses invalid input field by field, changing nothing", async () => {
    const archived = await (await import("../factories.js")).buildCommunity(server.db, { archivedAt: new Date() });
    const cases: [Record<string, unknown>, string][] = [
      [{ nameEn: "   " }, "nameEn"],
      [{ nameEn: "\u200b\u200b" }, "nameEn"],
      [{ nameEn: "x".repeat(161) }, "nameEn"],
      [{ nameIt: "x".repeat(161) }, "nameIt"],
      [{ descriptionEn: "" }, "descriptionEn"],
      [{ descriptionIt: "x".repeat(4001) }, "descriptionIt"],
      [{ website: "ftp://coop.example.org" }, "website"],
      [{ website: "javascript:alert(1)" }, "website"],
      [{ address: "x".repeat(301) }, "address"],
      [{ district: "x".repeat(81) }, "district"],
      [{ latitude: 91 }, "latitude"],
      [{ latitude: -90.5 }, "latitude"],
      [{ longitude: 180.1 }, "longitude"],
      [{ latitude: 45, longitude: null }, "longitude"],
      [{ latitude: null, longitude: 7 }, "longitude"],
      [{ themes: ["not-a-theme"] }, "themes.0"],
      [{ sdgs: [0] }, "sdgs.0"],
      [{ sdgs: [18] }, "sdgs.0"],
      [{ communityIds: ["00000000-0000-4000-8000-000000000000"] }, "communityIds"],
      [{ communityIds: [archived.id] }, "communityIds"],
      [{ motivation: "Too short" }, "motivation"],
      [{ motivation: "x".repeat(4001) }, "motivation"],
      [{ contactName: "" }, "contactName"],
      [{ contactEmail: "not an email" }, "contactEmail"],
      [{ contactPhone: "call me" }, "contactPhone"],
      [{ representativeName: " " }, "representativeName"],
      [{ representativeEmail: "marco@" }, "representativeEmail"],
    ];
    for (const [over, field] of cases) {
      await refused(
        server.db,
        () => request(cast.applicant, APPLY, { i: applicationInput(over) }),
        "BAD_USER_INPUT",
        field,
      );
    }
    // An id that is no id names nothing: NOT_FOUND, as for every ID argument of the api.
    await refused(
      server.db,
      () => request(cast.applicant, APPLY, { i: applicationInput({ communityIds: ["not-a-uuid"] }) }),
      "NOT_FOUND",
    );
    // A category outside the enum is refused by GraphQL itself, before any resolver.
    const bad = await request(cast.applicant, APPLY, { i: applicationInput({ category: "BAKERY" }) });
    expect(errorCode(bad)).toBe("BAD_USER_INPUT");
  });

  it("CONFLICT when a current partner has the name, in either language and any case; a former partner's is free", async () => {
    const partner = await buildOrganization(server.db);
    const applicant = await buildUser(server.db);
    for (const over of [
      { nameEn: partner.name.toUpperCase() },
      { nameIt: partner.name },
      { nameEn: partner.nameIt.toLowerCase() },
    ]) {
      const res = await refused(server.db, () => request(applicant, APPLY, { i: applicationInput(over) }), "CONFLICT");
      expect(res.errors?.[0]?.extensions?.current).toEqual({ field: "nameEn", takenBy: "PARTNER" });
    }
    const former = await buildOrganization(server.db, { withdrawnOn: "2024-05-01" });
    const res = await request(applicant, APPLY, { i: applicationInput({ nameEn: former.name }) });
    expect(res.errors).toBeUndefined();
  });

  it("CONFLICT when an open application has the name; free again once it is declined or withdrawn", async () => {
    const first = await submitted(server.url, cast.member);
    const other = await buildUser(server.db);
    const res = await refused(
      server.db,
      () => request(other, APPLY, { i: applicationInput({ nameEn: String(first.input.nameEn).toUpperCase() }) }),
      "CONFLICT",
    );
    expect(res.errors?.[0]?.extensions?.current).toEqual({ field: "nameEn", takenBy: "APPLICATION" });
    await refused(
      server.db,
      () => request(other, APPLY, { i: applicationInput({ nameEn: "Something else", nameIt: first.input.nameIt }) }),
      "CONFLICT",
    );
    const withdrawn = await request(
      cast.member,
      `mutation($i: WithdrawApplicationInput!) { withdrawApplication(input: $i) { status } }`,
      {
        i: { applicationId: first.id, expectedVersion: 1 },
      },
    );
    expect(withdrawn.data?.withdrawApplication.status).toBe("WITHDRAWN");
    const again = await request(other, APPLY, { i: applicationInput({ nameEn: first.input.nameEn }) });
    expect(again.errors).toBeUndefined();
  });

  it("three a day per account: the fourth is RATE_LIMITED and changes nothing; refused ones do not count", async () => {
    const applicant = await buildUser(server.db);
    // A refused submission costs nothing.
    await refused(
      server.db,
      () => request(applicant, APPLY, { i: applicationInput({ motivation: "short" }) }),
      "BAD_USER_INPUT",
      "motivation",
    );
    for (let i = 0; i < 3; i++)
      expect((await request(applicant, APPLY, { i: applicationInput() })).errors).toBeUndefined();
    const res = await refused(server.db, () => request(applicant, APPLY, { i: applicationInput() }), "RATE_LIMITED");
    expect(res.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    // Another account has its own budget.
    expect((await request(await buildUser(server.db), APPLY, { i: applicationInput() })).errors).toBeUndefined();
  });

  it("over the WebSocket: refused like every mutation, nothing stored", async () => {
    const applicant = await buildUser(server.db);
    const socket = server.socketFor(applicant);
    const before = await server.db.select().from(organizations);
    const input = applicationInput();
    const sent = wsQuery(
      socket,
      `mutation { applyForMembership(input: { nameEn: ${JSON.stringify(input.nameEn)}, category: PRIVATE_SECTOR, descriptionEn: "d", motivation: "m", contactName: "c", contactEmail: "c@example.org", representativeName: "r", representativeEmail: "r@example.org" }) { id } }`,
    );
    const refusal = await sent.then(
      () => null,
      (error: unknown) => error,
    );
    expect(JSON.stringify(refusal)).toContain("subscriptions only");
    expect(await server.db.select().from(organizations)).toEqual(before);
    const mine = await request(applicant, `{ myMembershipApplications { id } }`);
    expect(mine.data?.myMembershipApplications).toEqual([]);
  });

  it("stores the application as the applicant's, answerable by id", async () => {
    const { id } = await submitted(server.url, cast.facilitator);
    const row = await applicationRow(server.db, id);
    expect(row?.applicantId).toBe(cast.facilitator.id);
  });
});
