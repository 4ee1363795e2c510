import { sessions, users } from "@pratica/db";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { errorCode, gql } from "../client.js";
import { addMember, buildCommunity, buildUser, TEST_PASSWORD } from "../factories.js";
import { useTestServer } from "../fixture.js";

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { token user { id email displayName } } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token user { id email } } }`;
const VIEWER = `{ viewer { id email displayName organizations { role } communities { id } } }`;
const LOGOUT = `mutation { logout }`;
const UPDATE_PROFILE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id displayName bio } }`;

const server = useTestServer();

const userCount = async () => (await server.db.select({ n: sql<number>`count(*)::int` }).from(users))[0]?.n ?? 0;
const uniqueEmail = () => `someone-${Math.random().toString(36).slice(2)}@example.org`;

describe("register", () => {
  it("creates the account, returns a working token and sets an HttpOnly session cookie", async () => {
    const email = uniqueEmail();
    const res = await gql(server.url, REGISTER, {
      input: { email: email.toUpperCase(), password: "long enough pass", displayName: "Ada" },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.register.user).toMatchObject({ email, displayName: "Ada" });
    expect(res.headers.get("set-cookie")).toMatch(/pratica_session=[^;]+;.*HttpOnly/i);
    expect(res.headers.get("set-cookie")).toMatch(/SameSite=Lax/i);

    const me = await gql(server.url, VIEWER, {}, { token: res.data?.register.token });
    expect(me.data?.viewer).toMatchObject({ email, displayName: "Ada", organizations: [], communities: [] });
  });

  it.each([
    ["email", { email: "not-an-email", password: "long enough pass", displayName: "Ada" }],
    ["password", { email: uniqueEmail(), password: "short", displayName: "Ada" }],
    ["displayName", { email: uniqueEmail(), password: "long enough pass", displayName: " " }],
  ])("refuses an invalid %s with BAD_USER_INPUT naming the field, creating nothing", async (field, input) => {
    const before = await userCount();
    const res = await gql(server.url, REGISTER, { input });
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
    expect(await userCount()).toBe(before);
  });

  it("refuses a duplicate email, whatever its case", async () => {
    const email = uniqueEmail();
    await gql(server.url, REGISTER, { input: { email, password: "long enough pass", displayName: "First" } });
    const before = await userCount();
    const res = await gql(server.url, REGISTER, {
      input: { email: email.toUpperCase(), password: "another long pass", displayName: "Second" },
    });
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.extensions?.field).toBe("email");
    expect(await userCount()).toBe(before);
  });

  it("stores an argon2id hash, never the password", async () => {
    const email = uniqueEmail();
    await gql(server.url, REGISTER, { input: { email, password: "long enough pass", displayName: "Hashed" } });
    const [row] = await server.db.select().from(users).where(eq(users.email, email));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row?.passwordHash).not.toContain("long enough pass");
  });
});

describe("login", () => {
  it("returns a token for the right password", async () => {
    const user = await buildUser(server.db);
    const res = await gql(server.url, LOGIN, { input: { email: user.email, password: TEST_PASSWORD } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.login.user.id).toBe(user.id);
    const me = await gql(server.url, VIEWER, {}, { token: res.data?.login.token });
    expect(me.data?.viewer.id).toBe(user.id);
  });

  it("refuses a wrong password and an unknown email alike with UNAUTHENTICATED", async () => {
    const user = await buildUser(server.db);
    const wrong = await gql(server.url, LOGIN, { input: { email: user.email, password: "not the password" } });
    const unknown = await gql(server.url, LOGIN, { input: { email: uniqueEmail(), password: "whatever it is" } });
    expect(errorCode(wrong)).toBe("UNAUTHENTICATED");
    expect(errorCode(unknown)).toBe("UNAUTHENTICATED");
    expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
  });

  it("answers RATE_LIMITED after repeated failures, even for the right password", async () => {
    const user = await buildUser(server.db);
    for (let i = 0; i < 5; i++) {
      const res = await gql(server.url, LOGIN, { input: { email: user.email, password: `wrong ${i}` } });
      expect(errorCode(res)).toBe("UNAUTHENTICATED");
    }
    const limited = await gql(server.url, LOGIN, { input: { email: user.email, password: TEST_PASSWORD } });
    expect(errorCode(limited)).toBe("RATE_LIMITED");
    expect(limited.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("refuses a malformed email with BAD_USER_INPUT", async () => {
    const res = await gql(server.url, LOGIN, { input: { email: "nope", password: "whatever" } });
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.extensions?.field).toBe("email");
  });
});

describe("viewer and sessions", () => {
  it("is null when anonymous", async () => {
    const res = await gql(server.url, VIEWER);
    expect(res.data?.viewer).toBeNull();
  });

  it("accepts the session cookie as well as the bearer token", async () => {
    const user = await buildUser(server.db);
    const res = await gql(server.url, VIEWER, {}, { cookie: `pratica_session=${user.token}` });
    expect(res.data?.viewer.id).toBe(user.id);
  });

  it("refuses an unknown bearer token with UNAUTHENTICATED", async () => {
    const res = await gql(server.url, VIEWER, {}, { token: "not-a-session" });
    expect(res.status).toBe(401);
    expect(errorCode(res)).toBe("UNAUTHENTICATED");
  });

  it("shows a user's email to themself and admins only", async () => {
    const community = await buildCommunity(server.db);
    const [alice, bob] = [await buildUser(server.db), await buildUser(server.db)];
    const admin = await buildUser(server.db, { role: "ADMIN" });
    await addMember(server.db, community, alice);
    const q = `query($slug: String!) { community(slug: $slug) { members { edges { node { user { id email } } } } } }`;
    const emailSeenBy = async (token: string) =>
      (await gql(server.url, q, { slug: community.slug }, { token })).data?.community.members.edges[0].node.user.email;
    expect(await emailSeenBy(bob.token)).toBeNull();
    expect(await emailSeenBy(alice.token)).toBe(alice.email);
    expect(await emailSeenBy(admin.token)).toBe(alice.email);
  });

  it("logout revokes the token, and the cookie is cleared", async () => {
    const user = await buildUser(server.db);
    const res = await gql(server.url, LOGOUT, {}, { token: user.token });
    expect(res.data?.logout).toBe(true);
    expect(res.headers.get("set-cookie")).toMatch(/pratica_session=;/);
    const after = await gql(server.url, VIEWER, {}, { token: user.token });
    expect(errorCode(after)).toBe("UNAUTHENTICATED");
    const [row] = await server.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(row?.revokedAt).toBeInstanceOf(Date);
  });

  it("logout without a session is UNAUTHENTICATED", async () => {
    expect(errorCode(await gql(server.url, LOGOUT))).toBe("UNAUTHENTICATED");
  });

  it("an expired session is refused", async () => {
    const user = await buildUser(server.db);
    await server.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, user.id));
    expect(errorCode(await gql(server.url, VIEWER, {}, { token: user.token }))).toBe("UNAUTHENTICATED");
  });
});

describe("updateProfile", () => {
  it("updates the viewer's display name and bio", async () => {
    const user = await buildUser(server.db);
    const res = await gql(
      server.url,
      UPDATE_PROFILE,
      { input: { displayName: "New Name", bio: "Hello" } },
      { token: user.token },
    );
    expect(res.data?.updateProfile).toMatchObject({ id: user.id, displayName: "New Name", bio: "Hello" });
  });

  it("requires login", async () => {
    expect(errorCode(await gql(server.url, UPDATE_PROFILE, { input: { displayName: "Anon" } }))).toBe(
      "UNAUTHENTICATED",
    );
  });

  it("refuses an invalid display name and changes nothing", async () => {
    const user = await buildUser(server.db);
    const res = await gql(
      server.url,
      UPDATE_PROFILE,
      { input: { displayName: "x".repeat(81) } },
      { token: user.token },
    );
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.extensions?.field).toBe("displayName");
    const [row] = await server.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.displayName).toBe(user.displayName);
  });
});
