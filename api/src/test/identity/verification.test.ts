import { accountTokens, users } from "@pratica/db";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { errorCode, gql } from "../client.js";
import { addMember, buildCommunity, buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { useSmtpServer } from "../smtp.js";
import { expireTokens, linkIn, uniqueEmail, userRow, withSmtp } from "./account-fixtures.js";

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { token user { id emailVerified } } }`;
const CONFIRM = `mutation($token: String!) { confirmEmail(token: $token) { id emailVerified } }`;
const RESEND = `mutation { resendEmailConfirmation }`;
const VIEWER = `{ viewer { id emailVerified } }`;

const smtp = useSmtpServer();
const server = useTestServer(withSmtp(() => smtp.state.port));

async function register(language: "it" | "en", email = uniqueEmail()) {
  const res = await gql(
    server.url,
    REGISTER,
    { input: { email, password: "long enough pass", displayName: "Ada Lovelace" } },
    { headers: { "accept-language": language } },
  );
  expect(res.errors).toBeUndefined();
  return { email, id: res.data?.register.user.id as string, token: res.data?.register.token as string };
}

const verifyTokens = async (userId: string) =>
  (
    await server.db
      .select({ n: sql<number>`count(*)::int` })
      .from(accountTokens)
      .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, "VERIFY_EMAIL")))
  )[0]?.n ?? 0;

describe("registration sends a confirmation link", () => {
  it("in the register form's language, stored as the account's; the link confirms the address", async () => {
    const ada = await register("en");
    expect((await userRow(server, ada.id)).locale).toBe("en");
    expect((await gql(server.url, VIEWER, {}, { token: ada.token })).data?.viewer.emailVerified).toBe(false);

    const mail = await smtp.mailTo(ada.email);
    expect(mail.subject).toBe("Confirm your email address on Pratica");
    expect(mail.html).toContain('lang="en"');
    const { url, token } = linkIn(mail, "/confirm-email");
    expect(url.port).toBe(new URL(server.url).port);

    // The link is the proof: no login needed.
    const res = await gql(server.url, CONFIRM, { token });
    expect(res.errors).toBeUndefined();
    expect(res.data?.confirmEmail.id).toBe(ada.id);
    expect((await userRow(server, ada.id)).emailVerifiedAt).toBeInstanceOf(Date);
    expect((await gql(server.url, VIEWER, {}, { token: ada.token })).data?.viewer.emailVerified).toBe(true);
  });

  it("in Italian for an Italian form", async () => {
    const ada = await register("it");
    const mail = await smtp.mailTo(ada.email);
    expect(mail.subject).toBe("Conferma il tuo indirizzo email su Pratica");
    expect(mail.text).toContain("Conferma l'indirizzo");
    expect((await userRow(server, ada.id)).locale).toBe("it");
  });

  it("answers the confirmed state to the account itself when it confirms while logged in", async () => {
    const ada = await register("en");
    const { token } = linkIn(await smtp.mailTo(ada.email), "/confirm-email");
    const res = await gql(server.url, CONFIRM, { token }, { token: ada.token });
    expect(res.data?.confirmEmail).toEqual({ id: ada.id, emailVerified: true });
  });
});

describe("confirmEmail refuses", () => {
  it("a reused link (USED), changing nothing", async () => {
    const ada = await register("en");
    const { token } = linkIn(await smtp.mailTo(ada.email), "/confirm-email");
    await gql(server.url, CONFIRM, { token });
    const before = await userRow(server, ada.id);
    const again = await gql(server.url, CONFIRM, { token });
    expect(errorCode(again)).toBe("BAD_USER_INPUT");
    expect(again.errors?.[0]?.extensions).toMatchObject({ field: "token", reason: "USED" });
    expect(await userRow(server, ada.id)).toEqual(before);
  });

  it("an unknown or empty token (UNKNOWN)", async () => {
    for (const token of ["not-a-token", ""]) {
      const res = await gql(server.url, CONFIRM, { token });
      expect(errorCode(res)).toBe("BAD_USER_INPUT");
      expect(res.errors?.[0]?.extensions).toMatchObject({ field: "token", reason: "UNKNOWN" });
    }
  });

  it("an expired link (EXPIRED), leaving the account unconfirmed", async () => {
    const ada = await register("en");
    const { token } = linkIn(await smtp.mailTo(ada.email), "/confirm-email");
    await expireTokens(server, ada.id, "VERIFY_EMAIL");
    const res = await gql(server.url, CONFIRM, { token });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "token", reason: "EXPIRED" });
    expect((await userRow(server, ada.id)).emailVerifiedAt).toBeNull();
  });

  it("another account's session (FORBIDDEN), and the link still works for its owner", async () => {
    const ada = await register("en");
    const bob = await buildUser(server.db);
    const { token } = linkIn(await smtp.mailTo(ada.email), "/confirm-email");
    const res = await gql(server.url, CONFIRM, { token }, { token: bob.token });
    expect(errorCode(res)).toBe("FORBIDDEN");
    expect((await userRow(server, ada.id)).emailVerifiedAt).toBeNull();
    expect((await gql(server.url, CONFIRM, { token }, { token: ada.token })).data?.confirmEmail.emailVerified).toBe(
      true,
    );
  });
});

describe("resendEmailConfirmation", () => {
  it("needs a login", async () => {
    expect(errorCode(await gql(server.url, RESEND))).toBe("UNAUTHENTICATED");
  });

  it("is refused (CONFLICT) for a confirmed account, sending nothing", async () => {
    const bob = await buildUser(server.db);
    const res = await gql(server.url, RESEND, {}, { token: bob.token });
    expect(errorCode(res)).toBe("CONFLICT");
    expect(await verifyTokens(bob.id)).toBe(0);
  });

  it("sends a new link that works, three times an hour at most (RATE_LIMITED, issuing nothing)", async () => {
    const ada = await register("en");
    await smtp.mailTo(ada.email);
    for (let i = 0; i < 3; i++) {
      expect((await gql(server.url, RESEND, {}, { token: ada.token })).data?.resendEmailConfirmation).toBe(true);
    }
    expect(await verifyTokens(ada.id)).toBe(4);
    const limited = await gql(server.url, RESEND, {}, { token: ada.token });
    expect(errorCode(limited)).toBe("RATE_LIMITED");
    expect(limited.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(await verifyTokens(ada.id)).toBe(4);

    // The resent links arrive (the registration's came first): the last one confirms.
    const tokens = await server.db
      .select({ id: accountTokens.id })
      .from(accountTokens)
      .where(eq(accountTokens.userId, ada.id));
    expect(tokens).toHaveLength(4);
    const resent = await smtp.mailTo(ada.email, /Confirm/);
    expect(linkIn(resent, "/confirm-email").token).not.toBe("");
  });
});

describe("User.emailVerified", () => {
  it("is seen by the account and admins, null for others", async () => {
    const community = await buildCommunity(server.db);
    const unconfirmed = await buildUser(server.db, { emailVerifiedAt: null });
    const [bob, admin] = [await buildUser(server.db), await buildUser(server.db, { role: "ADMIN" })];
    await addMember(server.db, community, unconfirmed);
    const q = `query($slug: String!) { community(slug: $slug) { members { edges { node { user { id emailVerified } } } } } }`;
    const seenBy = async (token: string) =>
      (await gql(server.url, q, { slug: community.slug }, { token })).data?.community.members.edges[0].node.user
        .emailVerified;
    expect(await seenBy(bob.token)).toBeNull();
    expect(await seenBy(unconfirmed.token)).toBe(false);
    expect(await seenBy(admin.token)).toBe(false);
    const [row] = await server.db.select().from(users).where(eq(users.id, unconfirmed.id));
    expect(row?.emailVerifiedAt).toBeNull();
  });
});
