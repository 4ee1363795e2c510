import { auditLog, notifications } from "@pratica/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { errorCode, gql } from "../client.js";
import { buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { buildPartner, link, NOW, tagged } from "./support.js";

// The withdrawal is one conditional UPDATE (`updated_at = expected AND withdrawn_on IS NULL`):
// of two at once, the second waits on the first's row lock, then finds no row to change.
// Real concurrent connections: PostgreSQL only.

const server = useTestServer({}, undefined, { partnersClock: () => NOW });
const WITHDRAW = `mutation($i: WithdrawOrganizationInput!) { withdrawOrganization(input: $i) { id withdrawnOn } }`;

describe.runIf(process.env.TEST_DB === "postgres")("two withdrawals at once", () => {
  it("exactly one passes; the other is a CONFLICT; one audit entry and one notification each", async () => {
    const tag = tagged();
    const [first, second] = [await buildUser(server.db), await buildUser(server.db)];
    const admin = await buildUser(server.db, { role: "ADMIN" });
    const org = await buildPartner(server.db, tag);
    await link(server.db, org, first, "REPRESENTATIVE");
    await link(server.db, org, second, "REPRESENTATIVE");
    const i = { organizationId: org.id, reason: "Leaving", expectedUpdatedAt: org.updatedAt.toISOString() };
    const results = await Promise.all([first, second].map((u) => gql(server.url, WITHDRAW, { i }, { token: u.token })));
    expect(results.map((r) => errorCode(r) ?? "OK").sort()).toEqual(["CONFLICT", "OK"]);
    const entries = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, org.id), eq(auditLog.action, "organization.withdraw")));
    expect(entries).toHaveLength(1);
    const toAdmin = await server.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.organizationId, org.id), eq(notifications.userId, admin.id)));
    expect(toAdmin).toHaveLength(1);
  });
});
