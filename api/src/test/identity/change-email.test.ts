import { describe, expect, it } from "vitest";
import { errorCode, gql } from "../client.js";
import { buildUser, TEST_PASSWORD, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { useSmtpServer } from "../smtp.js";
import { expireTokens, linkIn, uniqueEmail, userRow, withSmtp } from "./account-fixtures.js";

const CHANGE = `mutation($input: ChangeEmailInput!) { changeEmail(input: $input) }`;
const CONFIRM = `mutation($token: String!) { confirmEmailChange(token: $token) { id email emailVerified } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token } }`;

const smtp = useSmtpServer();
const server = useTestServer(withSmtp(() => smtp.state.port));

const change = (user: TestUser, newEmail: string, password = TEST_PASSWORD) =>
  gql(server.url, CHANGE, { input: { newEmail, password } }, { token: user.token });

/** Asks for the change and returns the link that arrived at the new address. */
async function asked(user: TestUser, newEmail = uniqueEmail("new")) {
  expect((await change(user, newEmail)).data?.changeEmail).toBe(true);
  return { newEmail, ...linkIn(await smtp.mailTo(newEmail.toLowerCase()), "/confirm-email-change") };
}

describe("changeEmail", () => {
  it("needs a login", async () => {
    const res = await gql(server.url, CHANGE, { input: { newEmail: uniqueEmail(), password: TEST_PASSWORD } });
    expect(errorCode(res)).toBe("UNAUTHENTICATED");
  });

  it("sends a link to the new address and a notice to the old one; the link applies the change", async () => {
    const user = await buildUser(server.db, { email: uniqueEmail("old"), locale: "en" });
    const { newEmail, token } = await asked(user, uniqueEmail("New").replace("New", "NeW"));
    const notice = await smtp.mailTo(user.email);
    expect(notice.subject).toBe("A change of your email address on Pratica was requested");
    expect(notice.text).toContain(newEmail.toLowerCase());
    // Nothing changes until the new address confirms.
    expect((await userRow(server, user.id)).email).toBe(user.email);

    const res = await gql(server.url, CONFIRM, { token }, { token: user.token });
    expect(res.data?.confirmEmailChange).toEqual({ id: user.id, email: newEmail.toLowerCase(), emailVerified: true });
    expect(errorCode(await gql(server.url, LOGIN, { input: { email: user.email, password: TEST_PASSWORD } }))).toBe(
      "UNAUTHENTICATED",
    );
    expect(
      (await gql(server.url, LOGIN, { input: { email: newEmail, password: TEST_PASSWORD } })).errors,
    ).toBeUndefined();
  });

  it("confirms an unconfirmed account's new address", async () => {
    const user = await buildUser(server.db, { emailVerifiedAt: null });
    const { token } = await asked(user);
    const res = await gql(server.url, CONFIRM, { token });
    expect(res.errors).toBeUndefined();
    expect((await userRow(server, user.id)).emailVerifiedAt).toBeInstanceOf(Date);
  });

  it.each([
    ["a wrong password", "password", (u: TestUser) => change(u, uniqueEmail(), "not my password")],
    ["a malformed address", "newEmail", (u: TestUser) => change(u, "nope")],
    ["the same address", "newEmail", (u: TestUser) => change(u, u.email.toUpperCase())],
  ])("refuses %s (BAD_USER_INPUT %s), sending nothing", async (_what, field, act) => {
    const user = await buildUser(server.db);
    const before = await userRow(server, user.id);
    const res = await act(user);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(await userRow(server, user.id)).toEqual(before);
    expect(smtp.countTo(user.email)).toBe(0);
  });

  it("refuses an address another account has (BAD_USER_INPUT newEmail)", async () => {
    const [user, other] = [await buildUser(server.db), await buildUser(server.db)];
    const res = await change(user, other.email);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "newEmail" });
    expect(smtp.countTo(other.email)).toBe(0);
  });
});

describe("changeEmail is rate-limited", () => {
  it("five a hour per account; the sixth is RATE_LIMITED and sends nothing", async () => {
    const user = await buildUser(server.db);
    for (let i = 0; i < 5; i++) expect((await change(user, uniqueEmail("many"))).data?.changeEmail).toBe(true);
    const sixth = uniqueEmail("sixth");
    const limited = await change(user, sixth);
    expect(errorCode(limited)).toBe("RATE_LIMITED");
    expect(limited.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    // The five links and five notices arrive; none for the sixth.
    await smtp.nthMailTo(user.email, 5);
    expect(smtp.countTo(sixth)).toBe(0);
  });
});

describe("confirmEmailChange refuses", () => {
  it("a reused link (USED)", async () => {
    const user = await buildUser(server.db);
    const { token } = await asked(user);
    await gql(server.url, CONFIRM, { token });
    const before = await userRow(server, user.id);
    const res = await gql(server.url, CONFIRM, { token });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "token", reason: "USED" });
    expect(await userRow(server, user.id)).toEqual(before);
  });

  it("an expired link (EXPIRED) and an unknown one (UNKNOWN), changing nothing", async () => {
    const user = await buildUser(server.db);
    const { token } = await asked(user);
    await expireTokens(server, user.id, "CHANGE_EMAIL");
    const before = await userRow(server, user.id);
    const expired = await gql(server.url, CONFIRM, { token });
    expect(expired.errors?.[0]?.extensions).toMatchObject({ reason: "EXPIRED" });
    const unknown = await gql(server.url, CONFIRM, { token: "made-up" });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ reason: "UNKNOWN" });
    expect(await userRow(server, user.id)).toEqual(before);
  });

  it("an earlier link once a newer change was asked (USED)", async () => {
    const user = await buildUser(server.db);
    const first = await asked(user);
    await asked(user);
    const res = await gql(server.url, CONFIRM, { token: first.token });
    expect(res.errors?.[0]?.extensions).toMatchObject({ reason: "USED" });
  });

  it("another account's session (FORBIDDEN); the owner can still use the link", async () => {
    const [user, other] = [await buildUser(server.db), await buildUser(server.db)];
    const { token, newEmail } = await asked(user);
    const before = await userRow(server, user.id);
    const res = await gql(server.url, CONFIRM, { token }, { token: other.token });
    expect(errorCode(res)).toBe("FORBIDDEN");
    expect(await userRow(server, user.id)).toEqual(before);
    expect((await gql(server.url, CONFIRM, { token }, { token: user.token })).data?.confirmEmailChange.email).toBe(
      newEmail,
    );
  });

  it("an address another account took meanwhile (CONFLICT), changing nothing", async () => {
    const user = await buildUser(server.db);
    const { token, newEmail } = await asked(user);
    await buildUser(server.db, { email: newEmail });
    const before = await userRow(server, user.id);
    const res = await gql(server.url, CONFIRM, { token });
    expect(errorCode(res)).toBe("CONFLICT");
    expect(await userRow(server, user.id)).toEqual(before);
  });
});
