import { auditLog, certifications, notifications, supplierProfiles } from "@pratica/db";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { as, buildAdmin } from "../admin/support.js";
import { loadSubset } from "../cpv/support.js";
import { useTestServer } from "../fixture.js";
import { buildOrganizationWithPeople } from "./people.js";
import { ADD, profileInput, REJECT, SAVE, VERIFY } from "./support.js";

// Races need real locks: PostgreSQL only.
const onPostgres = it.runIf(process.env.TEST_DB === "postgres");
const server = useTestServer();
beforeAll(() => loadSubset(server.db));

describe("concurrent writes", () => {
  onPostgres("two admins deciding one certification at once: one wins, the other gets a CONFLICT", async () => {
    const { org, rep } = await buildOrganizationWithPeople(server.db);
    const [a, b] = await Promise.all([buildAdmin(server.db), buildAdmin(server.db)]);
    const q = as(server.url);
    const added = await q(rep, ADD, { i: { organizationId: org.id, kind: "SOCIAL_COOP_B" } });
    const id = added.data?.addCertification.id as string;
    const answers = await Promise.all([
      q(a, VERIFY, { id, v: 1 }),
      q(b, REJECT, { id, v: 1, r: "Not in the register." }),
    ]);
    expect(answers.filter((r) => !r.errors)).toHaveLength(1);
    expect(answers.filter((r) => r.errors?.[0]?.extensions?.code === "CONFLICT")).toHaveLength(1);
    const [row] = await server.db.select().from(certifications).where(eq(certifications.id, id));
    expect(row?.version).toBe(2);
    expect(await server.db.select().from(auditLog).where(eq(auditLog.targetId, id))).toHaveLength(1);
    expect(await server.db.select().from(notifications).where(eq(notifications.organizationId, org.id))).toHaveLength(
      1,
    );
  });

  onPostgres("two first saves of one profile at once: one creates it, the other gets a CONFLICT", async () => {
    const { org, rep } = await buildOrganizationWithPeople(server.db);
    const q = as(server.url);
    const answers = await Promise.all([
      q(rep, SAVE, { i: profileInput(org) }),
      q(rep, SAVE, { i: profileInput(org, { capacity: "other" }) }),
    ]);
    expect(answers.filter((r) => !r.errors)).toHaveLength(1);
    expect(answers.filter((r) => r.errors?.[0]?.extensions?.code === "CONFLICT")).toHaveLength(1);
    expect(
      await server.db.select().from(supplierProfiles).where(eq(supplierProfiles.organizationId, org.id)),
    ).toHaveLength(1);
  });

  onPostgres("two updates from the same version: one applies, the other is stale", async () => {
    const { org, rep } = await buildOrganizationWithPeople(server.db);
    const q = as(server.url);
    await q(rep, SAVE, { i: profileInput(org) });
    const answers = await Promise.all([
      q(rep, SAVE, { i: profileInput(org, { version: 1, capacity: "a" }) }),
      q(rep, SAVE, { i: profileInput(org, { version: 1, capacity: "b" }) }),
    ]);
    expect(answers.filter((r) => !r.errors)).toHaveLength(1);
    expect(answers.filter((r) => r.errors?.[0]?.extensions?.code === "CONFLICT")).toHaveLength(1);
  });
});
