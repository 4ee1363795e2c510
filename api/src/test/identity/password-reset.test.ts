import { accountTokens } from "@pratica/db";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { PASSWORD_RESET_QUEUE } from "../../modules/identity/password-reset.service.js";
import { errorCode, gql } from "../client.js";
import { untilSomeoneWaitsOnALock } from "../database.js";
import { buildUser, TEST_PASSWORD, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { collect } from "../live.js";
import { closeWatch, connected, NOTIFICATIONS, socketOf } from "../server/ws-fixtures.js";
import { useSmtpServer } from "../smtp.js";
import { expireTokens, linkIn, liveSessions, uniqueEmail, userRow, withSmtp } from "./account-fixtures.js";

const REQUEST = `mutation($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) { token user { id emailVerified } } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token } }`;
const VIEWER = `{ viewer { id } }`;
const NEW_PASSWORD = "a brand new passphrase";

const smtp = useSmtpServer();
// TRUST_PROXY: the tests say which address each request comes from, for the per-IP limit.
const server = useTestServer(() => ({ ...withSmtp(() => smtp.state.port)(), TRUST_PROXY: "loopback" }));

/** Asks for a link from its own address (each test its own, so limits and mail stay apart). */
const ask = (email: string, address = "203.0.113.7") =>
  gql(server.url, REQUEST, { email }, { headers: { "x-forwarded-for": address } });

async function resetLinkFor(user: TestUser) {
  expect((await ask(user.email)).data?.requestPasswordReset).toBe(true);
  return linkIn(await smtp.mailTo(user.email, /password/i), "/reset-password");
}

/** The reset queue's jobs for an address (pg-boss's own table), with their states. */
const jobsOf = (email: string) =>
  server.db
    .select({ state: sql<string>`state` })
    .from(sql`pgboss.job`)
    .where(sql`name = ${PASSWORD_RESET_QUEUE} and data->>'email' = ${email}`);
const jobsFor = async (email: string) => (await jobsOf(email)).length;

describe("requestPasswordReset does not tell who is registered", () => {
  it("answers the same for an unknown address, queues the same job, and only the account gets mail", async () => {
    const user = await buildUser(server.db, { email: uniqueEmail("known"), locale: "en" });
    const stranger = uniqueEmail("stranger");
    const known = await ask(user.email);
    const unknown = await ask(stranger);
    expect(known.status).toBe(unknown.status);
    expect(known.data).toEqual({ requestPasswordReset: true });
    expect(unknown.data).toEqual(known.data);
    expect(unknown.errors).toBe(known.errors);
    // The request's work is one job carrying the address, whoever owns it.
    expect(await jobsFor(user.email)).toBe(1);
    expect(await jobsFor(stranger)).toBe(1);

    const mail = await smtp.mailTo(user.email);
    expect(mail.subject).toBe("Reset your Pratica password");
    // Jobs are worked in order by one worker: once a later request's mail is here, the
    // stranger's job has been worked, and sent nothing.
    const later = await buildUser(server.db, { email: uniqueEmail("sentinel") });
    await ask(later.email);
    await smtp.mailTo(later.email);
    expect(smtp.countTo(stranger)).toBe(0);
    const [job] = await jobsOf(stranger);
    expect(job?.state).toBe("completed");
  });

  it("is in the account's language", async () => {
    const user = await buildUser(server.db, { email: uniqueEmail("italian"), locale: "it" });
    await ask(user.email);
    const mail = await smtp.mailTo(user.email);
    expect(mail.subject).toBe("Reimposta la password di Pratica");
    expect(linkIn(mail, "/reset-password").token).not.toBe("");
  });

  it("refuses a malformed address (BAD_USER_INPUT email), queueing nothing", async () => {
    const res = await ask("not-an-address");
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "email" });
    expect(await jobsFor("not-an-address")).toBe(0);
  });

  it("is rate-limited per address: the fourth in an hour is RATE_LIMITED and queues nothing", async () => {
    const email = uniqueEmail("limited");
    for (let i = 0; i < 3; i++) expect((await ask(email, `198.51.100.${i}`)).data?.requestPasswordReset).toBe(true);
    const limited = await ask(email, "198.51.100.9");
    expect(errorCode(limited)).toBe("RATE_LIMITED");
    expect(limited.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(await jobsFor(email)).toBe(3);
  });
});

describe("resetPassword", () => {
  it("sets the password, ends every session (their sockets close), confirms the address and logs in", async () => {
    const user = await buildUser(server.db, { email: uniqueEmail("reset"), emailVerifiedAt: null });
    const socket = socketOf(server, user);
    const watch = closeWatch(socket);
    const isConnected = connected(socket);
    collect(socket, NOTIFICATIONS);
    await isConnected;
    const second = await gql(server.url, LOGIN, { input: { email: user.email, password: TEST_PASSWORD } });
    expect(await liveSessions(server, user.id)).toBe(2);

    const { url, token } = await resetLinkFor(user);
    expect(url.port).toBe(new URL(server.url).port);
    const res = await gql(server.url, RESET, { input: { token, password: NEW_PASSWORD } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.resetPassword.user).toEqual({ id: user.id, emailVerified: true });
    expect(res.headers.get("set-cookie")).toMatch(/pratica_session=[^;]+;/);

    expect(await watch.closed).toBe(4403);
    expect(errorCode(await gql(server.url, VIEWER, {}, { token: user.token }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await gql(server.url, VIEWER, {}, { token: second.data?.login.token }))).toBe("UNAUTHENTICATED");
    expect((await gql(server.url, VIEWER, {}, { token: res.data?.resetPassword.token })).data?.viewer.id).toBe(user.id);
    expect(await liveSessions(server, user.id)).toBe(1);

    const login = await gql(server.url, LOGIN, { input: { email: user.email, password: NEW_PASSWORD } });
    expect(login.errors).toBeUndefined();
    expect(errorCode(await gql(server.url, LOGIN, { input: { email: user.email, password: TEST_PASSWORD } }))).toBe(
      "UNAUTHENTICATED",
    );
  });

  it("spends the other reset links of the account", async () => {
    const user = await buildUser(server.db, { email: uniqueEmail("two-links") });
    await ask(user.email);
    await ask(user.email);
    const first = linkIn(await smtp.nthMailTo(user.email, 1), "/reset-password").token;
    const second = linkIn(await smtp.nthMailTo(user.email, 2), "/reset-password").token;
    expect((await gql(server.url, RESET, { input: { token: second, password: NEW_PASSWORD } })).errors).toBeUndefined();
    const other = await gql(server.url, RESET, { input: { token: first, password: "yet another passphrase" } });
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "USED" });
  });

  it("refuses a reused link (USED), changing nothing", async () => {
    const user = await buildUser(server.db, { email: uniqueEmail("reused") });
    const { token } = await resetLinkFor(user);
    await gql(server.url, RESET, { input: { token, password: NEW_PASSWORD } });
    const before = await userRow(server, user.id);
    const again = await gql(server.url, RESET, { input: { token, password: "yet another passphrase" } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "token", reason: "USED" });
    expect(await userRow(server, user.id)).toEqual(before);
  });

  it("refuses an expired link (EXPIRED): password and sessions unchanged", async () => {
    const user = await buildUser(server.db, { email: uniqueEmail("expired") });
    const { token } = await resetLinkFor(user);
    await expireTokens(server, user.id, "RESET_PASSWORD");
    const before = await userRow(server, user.id);
    const res = await gql(server.url, RESET, { input: { token, password: NEW_PASSWORD } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "token", reason: "EXPIRED" });
    expect(await userRow(server, user.id)).toEqual(before);
    expect((await gql(server.url, VIEWER, {}, { token: user.token })).data?.viewer.id).toBe(user.id);
  });

  it("refuses an unknown link (UNKNOWN) and a short password (BAD_USER_INPUT password), spending nothing", async () => {
    const unknown = await gql(server.url, RESET, { input: { token: "made-up", password: NEW_PASSWORD } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ field: "token", reason: "UNKNOWN" });

    const user = await buildUser(server.db, { email: uniqueEmail("short") });
    const { token } = await resetLinkFor(user);
    const before = await userRow(server, user.id);
    const short = await gql(server.url, RESET, { input: { token, password: "short" } });
    expect(short.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "password" });
    expect(await userRow(server, user.id)).toEqual(before);
    // The link was not spent by the refusal.
    expect((await gql(server.url, RESET, { input: { token, password: NEW_PASSWORD } })).errors).toBeUndefined();
  });

  it("the admin area's sendPasswordResetLink sends a working link", async () => {
    const user = await buildUser(server.db, { email: uniqueEmail("admin-sent") });
    const admin = await buildUser(server.db, { role: "ADMIN" });
    await server.services.identity.sendPasswordResetLink(user.id, admin.id);
    const [issued] = await server.db.select().from(accountTokens).where(eq(accountTokens.userId, user.id));
    expect(issued?.createdBy).toBe(admin.id);

    // By address, as the admin area's members list knows them: the same link, to the account.
    const other = await buildUser(server.db, { email: uniqueEmail("admin-by-address") });
    await server.services.identity.sendPasswordResetLinkTo(other.email.toUpperCase(), admin.id);
    expect(linkIn(await smtp.mailTo(other.email), "/reset-password").token).not.toBe("");
    const { token } = linkIn(await smtp.mailTo(user.email), "/reset-password");
    expect((await gql(server.url, RESET, { input: { token, password: NEW_PASSWORD } })).errors).toBeUndefined();
  });
});

describe.runIf(process.env.TEST_DB === "postgres")("two resets with one link at once (PostgreSQL)", () => {
  it("one wins, the other is told the link was used", async () => {
    const user = await buildUser(server.db, { email: uniqueEmail("race") });
    const { token } = await resetLinkFor(user);
    // Both requests reach the token's row while a third connection holds it: they really overlap.
    let racing: Promise<Awaited<ReturnType<typeof gql>>[]> | undefined;
    await server.db.transaction(async (tx) => {
      await tx
        .select({ id: accountTokens.id })
        .from(accountTokens)
        .where(eq(accountTokens.userId, user.id))
        .for("update");
      racing = Promise.all(
        ["first racing passphrase", "second racing passphrase"].map((password) =>
          gql(server.url, RESET, { input: { token, password } }),
        ),
      );
      await untilSomeoneWaitsOnALock(server.db);
    });
    const results = (await racing) ?? [];
    const won = results.filter((r) => !r.errors);
    const lost = results.filter((r) => r.errors);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]?.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "USED" });
    expect(await liveSessions(server, user.id)).toBe(1);
  });
});

describe("requestPasswordReset from one IP", () => {
  // Last in the file: its twenty jobs queue ahead of any other test's mail.
  it("is rate-limited per IP: the 21st in an hour from one address is RATE_LIMITED", async () => {
    for (let i = 0; i < 20; i++) expect(errorCode(await ask(uniqueEmail("flood"), "192.0.2.77"))).toBeUndefined();
    const email = uniqueEmail("flood");
    expect(errorCode(await ask(email, "192.0.2.77"))).toBe("RATE_LIMITED");
    expect(await jobsFor(email)).toBe(0);
  });
});
