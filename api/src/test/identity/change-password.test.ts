import { describe, expect, it } from "vitest";
import { errorCode, gql } from "../client.js";
import { buildUser, TEST_PASSWORD } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { useSmtpServer } from "../smtp.js";
import { linkIn, liveSessions, uniqueEmail, userRow, withSmtp } from "./account-fixtures.js";

const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token } }`;
const VIEWER = `{ viewer { id } }`;
const NEW_PASSWORD = "a brand new passphrase";

const smtp = useSmtpServer();
const server = useTestServer(withSmtp(() => smtp.state.port));

/** Changes the password as the session `token`, or anonymously without one. */
const change = (token?: string, currentPassword = TEST_PASSWORD, newPassword = NEW_PASSWORD) =>
  gql(server.url, CHANGE, { input: { currentPassword, newPassword } }, { token });

describe("changePassword", () => {
  it("needs a login", async () => {
    const res = await change();
    expect(errorCode(res)).toBe("UNAUTHENTICATED");
  });

  it("changes the password, keeps this session, ends the others and tells the owner by email", async () => {
    const user = await buildUser(server.db, { email: uniqueEmail("change"), locale: "en" });
    const other = await gql(server.url, LOGIN, { input: { email: user.email, password: TEST_PASSWORD } });
    const res = await change(user.token);
    expect(res.data?.changePassword).toBe(true);
    expect((await gql(server.url, VIEWER, {}, { token: user.token })).data?.viewer.id).toBe(user.id);
    expect(errorCode(await gql(server.url, VIEWER, {}, { token: other.data?.login.token }))).toBe("UNAUTHENTICATED");
    expect(await liveSessions(server, user.id)).toBe(1);
    expect(
      (await gql(server.url, LOGIN, { input: { email: user.email, password: NEW_PASSWORD } })).errors,
    ).toBeUndefined();

    const notice = await smtp.mailTo(user.email);
    expect(notice.subject).toBe("Your Pratica password was changed");
    expect(linkIn(notice, "/account/security").url.port).toBe(new URL(server.url).port);
  });

  it("works for an account whose address is not confirmed yet", async () => {
    const user = await buildUser(server.db, { emailVerifiedAt: null });
    const res = await change(user.token);
    expect(res.data?.changePassword).toBe(true);
  });

  it("refuses a wrong current password (BAD_USER_INPUT currentPassword), changing nothing", async () => {
    const user = await buildUser(server.db);
    await gql(server.url, LOGIN, { input: { email: user.email, password: TEST_PASSWORD } });
    const before = await userRow(server, user.id);
    const res = await change(user.token, "not my password");
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "currentPassword" });
    expect(await userRow(server, user.id)).toEqual(before);
    expect(await liveSessions(server, user.id)).toBe(2);
  });

  it("refuses a short new password (BAD_USER_INPUT newPassword), changing nothing", async () => {
    const user = await buildUser(server.db);
    const before = await userRow(server, user.id);
    const res = await change(user.token, TEST_PASSWORD, "short");
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "newPassword" });
    expect(await userRow(server, user.id)).toEqual(before);
  });

  it("counts wrong current passwords with the login limiter: after five, even the right one is RATE_LIMITED", async () => {
    const user = await buildUser(server.db);
    for (let i = 0; i < 5; i++) {
      const res = await change(user.token, `wrong ${i}`);
      expect(errorCode(res)).toBe("BAD_USER_INPUT");
    }
    const before = await userRow(server, user.id);
    const limited = await change(user.token);
    expect(errorCode(limited)).toBe("RATE_LIMITED");
    expect(await userRow(server, user.id)).toEqual(before);
    // The same budget as the login form's.
    const login = await gql(server.url, LOGIN, { input: { email: user.email, password: TEST_PASSWORD } });
    expect(errorCode(login)).toBe("RATE_LIMITED");
  });
});
