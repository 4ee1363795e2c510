import { users } from "@pratica/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { errorCode, type GqlResult } from "../client.js";
import { buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { useSmtpServer } from "../smtp.js";
import { as, auditRows, buildAdmin, refusedUnchanged } from "./support.js";

const server = useTestServer();
const request = (...args: Parameters<ReturnType<typeof as>>) => as(server.url)(...args);

const SEARCH = `query($q: String, $first: Int, $after: String) {
  adminUsers(query: $q, first: $first, after: $after) {
    totalCount edges { cursor node { id email displayName role emailVerifiedAt createdAt } } pageInfo { hasNextPage endCursor }
  }
}`;
const GRANT = `mutation($u: ID!) { grantAdmin(userId: $u) { id role } }`;
const REVOKE = `mutation($u: ID!) { revokeAdmin(userId: $u) { id role } }`;
const RESET = `mutation($u: ID!) { adminSendPasswordReset(userId: $u) }`;

/** Makes the given users the only admins, as every other admin made by earlier tests steps down. */
async function onlyAdmins(...ids: string[]) {
  await server.db.update(users).set({ role: "USER" }).where(eq(users.role, "ADMIN"));
  for (const id of ids) await server.db.update(users).set({ role: "ADMIN" }).where(eq(users.id, id));
}

describe("adminUsers", () => {
  it("finds accounts by email or name, newest first, paged by keyset with no repeats or gaps", async () => {
    const admin = await buildAdmin(server.db);
    const tag = `needle${Math.random().toString(36).slice(2, 7)}`;
    const made = [];
    for (let i = 0; i < 5; i++) {
      made.push(
        await buildUser(
          server.db,
          i % 2 === 0
            ? { email: `${tag}-${i}@example.org` }
            : { displayName: `Name ${tag.toUpperCase()} ${i}`, emailVerifiedAt: null },
        ),
      );
    }
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const res: GqlResult = await request(admin, SEARCH, { q: tag, first: 2, after });
      expect(res.errors).toBeUndefined();
      expect(res.data?.adminUsers.totalCount).toBe(5);
      seen.push(...(res.data?.adminUsers.edges ?? []).map((e: { node: { id: string } }) => e.node.id));
      if (!res.data?.adminUsers.pageInfo.hasNextPage) break;
      after = res.data?.adminUsers.pageInfo.endCursor;
    }
    expect(seen).toEqual(made.map((u) => u.id).reverse());
    const unverified = await request(admin, SEARCH, { q: made[1]?.displayName });
    expect(unverified.data?.adminUsers.edges[0].node).toMatchObject({
      id: made[1]?.id,
      emailVerifiedAt: null,
      role: "USER",
    });
    expect(unverified.data?.adminUsers.edges[0].node.email).toBe(made[1]?.email);
  });

  it("nothing of it reaches others; a forged cursor or an over-long query is BAD_USER_INPUT", async () => {
    const admin = await buildAdmin(server.db);
    const user = await buildUser(server.db);
    expect(errorCode(await request(undefined, SEARCH, {}))).toBe("UNAUTHENTICATED");
    const res = await request(user, SEARCH, {});
    expect(errorCode(res)).toBe("FORBIDDEN");
    expect(res.data).toBeNull();
    expect((await request(admin, SEARCH, { after: "garbage" })).errors?.[0]?.extensions?.field).toBe("after");
    expect(errorCode(await request(admin, SEARCH, { q: "x".repeat(101) }))).toBe("BAD_USER_INPUT");
  });
});

describe("grantAdmin / revokeAdmin", () => {
  it("an admin makes and revokes admins; each is audited with before and after", async () => {
    const admin = await buildAdmin(server.db);
    const user = await buildUser(server.db);
    expect((await request(admin, GRANT, { u: user.id })).data?.grantAdmin).toEqual({ id: user.id, role: "ADMIN" });
    expect((await request(admin, REVOKE, { u: user.id })).data?.revokeAdmin).toEqual({ id: user.id, role: "USER" });
    const entries = (await auditRows(server.db)).filter((e) => e.targetId === user.id);
    expect(entries.map((e) => [e.action, e.actorId, e.before, e.after])).toEqual([
      ["user.grant_admin", admin.id, { role: "USER" }, { role: "ADMIN" }],
      ["user.revoke_admin", admin.id, { role: "ADMIN" }, { role: "USER" }],
    ]);
  });

  it("refuses the anonymous, non-admins, a role already held and an unknown account, changing nothing", async () => {
    const admin = await buildAdmin(server.db);
    const user = await buildUser(server.db);
    await refusedUnchanged(server.db, ["users"], () => request(undefined, GRANT, { u: user.id }), "UNAUTHENTICATED");
    await refusedUnchanged(server.db, ["users"], () => request(user, GRANT, { u: user.id }), "FORBIDDEN");
    await refusedUnchanged(server.db, ["users"], () => request(user, REVOKE, { u: admin.id }), "FORBIDDEN");
    await refusedUnchanged(server.db, ["users"], () => request(admin, GRANT, { u: admin.id }), "CONFLICT");
    await refusedUnchanged(server.db, ["users"], () => request(admin, REVOKE, { u: user.id }), "CONFLICT");
    await refusedUnchanged(server.db, ["users"], () => request(admin, GRANT, { u: "not-an-id" }), "NOT_FOUND");
  });

  it("never revokes the last admin (CONFLICT), not even themselves", async () => {
    const admin = await buildAdmin(server.db);
    await onlyAdmins(admin.id);
    const res = await refusedUnchanged(server.db, ["users"], () => request(admin, REVOKE, { u: admin.id }), "CONFLICT");
    expect(res.errors?.[0]?.extensions?.current).toEqual({ admins: 1 });
  });

  it.runIf(process.env.TEST_DB === "postgres")(
    "two admins revoking each other at once: one succeeds, one admin remains",
    async () => {
      const [a, b] = [await buildAdmin(server.db), await buildAdmin(server.db)];
      await onlyAdmins(a.id, b.id);
      const results = await Promise.all([request(a, REVOKE, { u: b.id }), request(b, REVOKE, { u: a.id })]);
      const codes = results.map((r) => errorCode(r) ?? "OK").sort();
      expect(codes[1]).toBe("OK");
      expect(["CONFLICT", "FORBIDDEN"]).toContain(codes[0]);
      const admins = await server.db.select({ id: users.id }).from(users).where(eq(users.role, "ADMIN"));
      expect(admins).toHaveLength(1);
    },
  );
});

describe("adminSendPasswordReset", () => {
  const smtp = useSmtpServer();
  const mailing = useTestServer(() => ({ SMTP_URL: `smtp://127.0.0.1:${smtp.state.port}`, MAIL_POLL_SECONDS: "0.5" }));
  const send = (...args: Parameters<ReturnType<typeof as>>) => as(mailing.url)(...args);

  it("sends the account the reset email and records it; refused to others and for an unknown account", async () => {
    const admin = await buildAdmin(mailing.db);
    const user = await buildUser(mailing.db, { locale: "en" });
    const arrived = smtp.arrival("Reset your Pratica password");
    expect((await send(admin, RESET, { u: user.id })).data?.adminSendPasswordReset).toBe(true);
    const mail = await arrived;
    expect(smtp.received.find((r) => r.mail === mail)?.envelopeTo).toEqual([user.email]);
    expect(mail.text).toMatch(/\/reset-password\?token=[\w-]+/);
    const entry = (await auditRows(mailing.db)).find((e) => e.targetId === user.id);
    expect(entry).toMatchObject({ action: "user.send_password_reset", actorId: admin.id });
    await refusedUnchanged(
      mailing.db,
      ["account_tokens"],
      () => send(undefined, RESET, { u: user.id }),
      "UNAUTHENTICATED",
    );
    await refusedUnchanged(mailing.db, ["account_tokens"], () => send(user, RESET, { u: user.id }), "FORBIDDEN");
    await refusedUnchanged(
      mailing.db,
      ["account_tokens"],
      () => send(admin, RESET, { u: "00000000-0000-4000-8000-000000000000" }),
      "NOT_FOUND",
    );
  });
});
