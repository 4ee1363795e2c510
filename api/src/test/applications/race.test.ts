import { applicationTransitions, membershipApplications, organizations } from "@pratica/db";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { errorCode } from "../client.js";
import { untilSomeoneWaitsOnALock } from "../database.js";
import { buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { APPLY, applicationInput, applicationRow, as, DECIDE, submitted } from "./support.js";

// Races need real locks: PostgreSQL only.
const onPostgres = it.runIf(process.env.TEST_DB === "postgres");
const server = useTestServer();
const request = as(() => server.url);

describe("two applications with one name at once", () => {
  onPostgres("the one that meets the unique index of open names is CONFLICT, not an internal error", async () => {
    const applicant = await buildUser(server.db);
    const other = await buildUser(server.db);
    const input = applicationInput();
    let second: ReturnType<typeof request> | undefined;
    await server.db.transaction(async (tx) => {
      // Stands for the first submission, not yet committed when the second one checks the name.
      await tx.insert(membershipApplications).values({
        applicantId: other.id,
        name: String(input.nameEn),
        category: "PRIVATE_SECTOR",
        motivation: "m",
        contactName: "c",
        contactEmail: "c@example.org",
        representativeName: "r",
        representativeEmail: "r@example.org",
      });
      second = request(applicant, APPLY, { i: input });
      await untilSomeoneWaitsOnALock(server.db);
    });
    const res = await second;
    expect(errorCode(res ?? { errors: undefined }), JSON.stringify(res?.errors)).toBe("CONFLICT");
    expect(res?.errors?.[0]?.extensions?.current).toEqual({ field: "nameEn", takenBy: "APPLICATION" });
    const rows = await server.db
      .select()
      .from(membershipApplications)
      .where(sql`lower(${membershipApplications.name}) = ${String(input.nameEn).toLowerCase()}`);
    expect(rows).toHaveLength(1);
  });

  onPostgres("two real submissions racing: exactly one is stored", async () => {
    const input = applicationInput();
    const results = await Promise.all([
      request(await buildUser(server.db), APPLY, { i: input }),
      request(await buildUser(server.db), APPLY, { i: { ...input, contactName: "Someone else" } }),
    ]);
    expect(results.map((r) => errorCode(r) ?? "OK").sort()).toEqual(["CONFLICT", "OK"]);
    const rows = await server.db
      .select()
      .from(membershipApplications)
      .where(eq(membershipApplications.name, String(input.nameEn)));
    expect(rows).toHaveLength(1);
  });
});

describe("two admins deciding at once", () => {
  onPostgres("the second waits for the first, then gets CONFLICT with the status and version it left", async () => {
    const [first, secondAdmin] = [
      await buildUser(server.db, { role: "ADMIN" }),
      await buildUser(server.db, { role: "ADMIN" }),
    ];
    const { id } = await submitted(server.url, await buildUser(server.db));
    let second: ReturnType<typeof request> | undefined;
    await server.db.transaction(async (tx) => {
      // Stands for the first admin's decision holding the application at that moment.
      await tx.select().from(membershipApplications).where(eq(membershipApplications.id, id)).for("update");
      second = request(secondAdmin, DECIDE, {
        i: { applicationId: id, decision: "ACCEPT", signedOn: "2024-02-01", expectedVersion: 1 },
      });
      await untilSomeoneWaitsOnALock(server.db);
      await tx
        .update(membershipApplications)
        .set({ status: "DECLINED", version: 2, decidedBy: first.id })
        .where(eq(membershipApplications.id, id));
    });
    const res = await second;
    expect(errorCode(res ?? { errors: undefined })).toBe("CONFLICT");
    expect(res?.errors?.[0]?.extensions?.current).toEqual({ status: "DECLINED", version: 2 });
    const created = await server.db
      .select()
      .from(organizations)
      .where(eq(organizations.name, String((await applicationRow(server.db, id))?.name)));
    expect(created).toEqual([]);
  });

  onPostgres("two real acceptances racing: exactly one organisation, one step", async () => {
    const admins = [await buildUser(server.db, { role: "ADMIN" }), await buildUser(server.db, { role: "ADMIN" })];
    const { id, input } = await submitted(server.url, await buildUser(server.db));
    const results = await Promise.all(
      admins.map((admin) =>
        request(admin, DECIDE, {
          i: { applicationId: id, decision: "ACCEPT", signedOn: "2024-02-01", expectedVersion: 1 },
        }),
      ),
    );
    expect(results.map((r) => errorCode(r) ?? "OK").sort()).toEqual(["CONFLICT", "OK"]);
    expect(
      await server.db
        .select()
        .from(organizations)
        .where(eq(organizations.name, String(input.nameEn))),
    ).toHaveLength(1);
    const steps = await server.db
      .select()
      .from(applicationTransitions)
      .where(eq(applicationTransitions.applicationId, id));
    expect(steps.map((s) => s.toStatus).sort()).toEqual(["ACCEPTED", "SUBMITTED"]);
  });
});
