import { seed, users } from "@pratica/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { inviteAdmin, parseArgs } from "../../cli/admin-invite.js";
import { loadConfig } from "../../config.js";
import { buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { PRODUCTION } from "../server.js";
import { useSmtpServer } from "../smtp.js";
import { as, auditRows, linkIn, refusedUnchanged } from "./support.js";

const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { token user { id email role emailVerifiedAt } } }`;

describe("admin:invite", () => {
  const smtp = useSmtpServer();
  const server = useTestServer(() => ({ SMTP_URL: `smtp://127.0.0.1:${smtp.state.port}`, MAIL_POLL_SECONDS: "0.5" }));
  const request = (...args: Parameters<ReturnType<typeof as>>) => as(server.url)(...args);
  const config = () => ({ ...loadConfig({ NODE_ENV: "test" }), PUBLIC_ORIGIN: new URL(server.url).origin });

  it("reads an address and an optional language, and refuses anything else", () => {
    expect(parseArgs(["you@example.org"])).toEqual({ email: "you@example.org", locale: "it" });
    expect(parseArgs(["--lang", "en", "you@example.org"])).toEqual({ email: "you@example.org", locale: "en" });
    expect(() => parseArgs([])).toThrow(/usage/);
    expect(() => parseArgs(["a@example.org", "b@example.org"])).toThrow(/usage/);
    expect(() => parseArgs(["a@example.org", "--lang", "fr"])).toThrow(/usage/);
  });

  it("queues an invitation the running server sends; its link creates the first admin, verified", async () => {
    const arrived = smtp.arrival("Invito ad amministrare Pratica");
    const lines = await inviteAdmin(server.database, config(), { email: "First.Admin@Example.org", locale: "it" });
    expect(lines[0]).toBe(
      "Queued an invitation to run Pratica as an admin for first.admin@example.org (email in Italian).",
    );
    const mail = await arrived;
    expect(smtp.received.find((r) => r.mail === mail)?.envelopeTo).toEqual(["first.admin@example.org"]);
    const { token } = linkIn(mail);
    const accepted = await request(undefined, ACCEPT, {
      input: { token, displayName: "Prima Amministratrice", password: "a long enough password" },
    });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data?.acceptInvitation.user).toMatchObject({ email: "first.admin@example.org", role: "ADMIN" });
    expect(accepted.data?.acceptInvitation.user.emailVerifiedAt).not.toBeNull();
    const userId = accepted.data?.acceptInvitation.user.id;
    const actions = (await auditRows(server.db))
      .filter((e) => e.action.includes("admin"))
      .map((e) => [e.action, e.actorId]);
    expect(actions).toEqual([
      ["user.invite_admin", null],
      ["user.accept_admin_invitation", userId],
    ]);
    // Used once.
    await refusedUnchanged(
      server.db,
      ["users", "account_tokens"],
      () => request(undefined, ACCEPT, { input: { token, displayName: "Again", password: "a long enough password" } }),
      "BAD_USER_INPUT",
      "token",
    );
  });

  it("an existing account, logged in, becomes an admin; a second link, accepted once it is one, is a CONFLICT", async () => {
    const user = await buildUser(server.db);
    const first = smtp.arrival("Invitation to run Pratica as an admin");
    await inviteAdmin(server.database, config(), { email: user.email, locale: "en" });
    const { token } = linkIn(await first);
    const second = smtp.arrival("Invitation to run Pratica as an admin");
    await inviteAdmin(server.database, config(), { email: user.email, locale: "en" });
    const other = linkIn(await second);

    await refusedUnchanged(
      server.db,
      ["users", "account_tokens"],
      () => request(undefined, ACCEPT, { input: { token } }),
      "UNAUTHENTICATED",
    );
    const accepted = await request(user, ACCEPT, { input: { token } });
    expect(accepted.data?.acceptInvitation.user).toMatchObject({ id: user.id, role: "ADMIN" });
    const [row] = await server.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.role).toBe("ADMIN");

    await refusedUnchanged(
      server.db,
      ["users", "account_tokens"],
      () => request(user, ACCEPT, { input: { token: other.token } }),
      "CONFLICT",
    );
  });

  it("refuses an address that already belongs to an admin (CONFLICT), queueing nothing", async () => {
    const admin = await buildUser(server.db, { role: "ADMIN" });
    const before = await auditRows(server.db);
    await expect(inviteAdmin(server.database, config(), { email: admin.email, locale: "it" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await auditRows(server.db)).toEqual(before);
  });

  it("refuses an invalid address, queueing nothing", async () => {
    await expect(
      inviteAdmin(server.database, config(), { email: "not-an-address", locale: "it" }),
    ).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      details: { field: "email" },
    });
  });
});

describe("production has no default admin", () => {
  const server = useTestServer();

  it("never seeds demo accounts (nor any account or password) under NODE_ENV=production, whatever SEED_DEMO says", async () => {
    const config = loadConfig({ ...PRODUCTION, SEED_DEMO: "1" });
    expect(config.seedDemo).toBe(false);
    const report = await seed(server.db, { demo: config.seedDemo });
    expect(report.demoAccounts).toBe(0);
    expect(await server.db.select({ id: users.id }).from(users)).toEqual([]);
  });
});
