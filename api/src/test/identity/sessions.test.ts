import { sessions } from "@pratica/db";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { errorCode, gql } from "../client.js";
import { addMember, buildCommunity, buildUser, TEST_PASSWORD, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";

const SESSIONS = `{ viewer { sessions { id device current createdAt lastUsedAt } } }`;
const REVOKE = `mutation($id: ID!) { revokeSession(id: $id) }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token } }`;
const VIEWER = `{ viewer { id } }`;
const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

const server = useTestServer();

async function loginFrom(user: TestUser, userAgent: string): Promise<string> {
  const res = await gql(
    server.url,
    LOGIN,
    { input: { email: user.email, password: TEST_PASSWORD } },
    { headers: { "user-agent": userAgent } },
  );
  return res.data?.login.token as string;
}

type Listed = { id: string; device: string; current: boolean; lastUsedAt: string | null };
const listed = async (token: string): Promise<Listed[]> =>
  (await gql(server.url, SESSIONS, {}, { token })).data?.viewer.sessions;

describe("User.sessions", () => {
  it("lists the account's live sessions with their device, marking the current one", async () => {
    const user = await buildUser(server.db);
    const laptop = await loginFrom(user, FIREFOX);
    await loginFrom(user, IPHONE);
    const list = await listed(laptop);
    expect(list).toHaveLength(3);
    expect(list.map((s) => s.device).sort()).toEqual(["Firefox 133 on Linux", "Safari 18 on iOS", "vitest"]);
    expect(list.filter((s) => s.current).map((s) => s.device)).toEqual(["Firefox 133 on Linux"]);
    expect(list.every((s) => s.lastUsedAt !== null)).toBe(true);
  });

  it("is null for anyone else, admins included", async () => {
    const community = await buildCommunity(server.db);
    const [alice, admin] = [await buildUser(server.db), await buildUser(server.db, { role: "ADMIN" })];
    await addMember(server.db, community, alice);
    const q = `query($slug: String!) { community(slug: $slug) { members { edges { node { user { id sessions { id } } } } } } }`;
    const res = await gql(server.url, q, { slug: community.slug }, { token: admin.token });
    expect(res.data?.community.members.edges[0].node.user.sessions).toBeNull();
  });

  it("refreshes lastUsedAt at most every few minutes, with one conditional UPDATE", async () => {
    const user = await buildUser(server.db);
    const [session] = await server.db.select().from(sessions).where(eq(sessions.userId, user.id));
    if (!session) throw new Error("no session");
    // A minute ago: recent enough, left alone.
    await server.db
      .update(sessions)
      .set({ lastUsedAt: sql`now() - interval '1 minute'` })
      .where(eq(sessions.id, session.id));
    const recent = (await server.db.select().from(sessions).where(eq(sessions.id, session.id)))[0]?.lastUsedAt;
    await gql(server.url, VIEWER, {}, { token: user.token });
    expect((await server.db.select().from(sessions).where(eq(sessions.id, session.id)))[0]?.lastUsedAt).toEqual(recent);

    // Ten minutes ago: refreshed by the next request.
    await server.db
      .update(sessions)
      .set({ lastUsedAt: sql`now() - interval '10 minutes'` })
      .where(eq(sessions.id, session.id));
    const stale = (await server.db.select().from(sessions).where(eq(sessions.id, session.id)))[0]?.lastUsedAt;
    await gql(server.url, VIEWER, {}, { token: user.token });
    const after = (await server.db.select().from(sessions).where(eq(sessions.id, session.id)))[0]?.lastUsedAt;
    expect(after?.getTime()).toBeGreaterThan((stale?.getTime() ?? 0) + 9 * 60_000);
  });
});

describe("revokeSession", () => {
  it("needs a login", async () => {
    const user = await buildUser(server.db);
    const [session] = await server.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(errorCode(await gql(server.url, REVOKE, { id: session?.id }))).toBe("UNAUTHENTICATED");
  });

  it("logs another of the account's devices out", async () => {
    const user = await buildUser(server.db);
    const phone = await loginFrom(user, IPHONE);
    const target = (await listed(user.token)).find((s) => s.device === "Safari 18 on iOS");
    const res = await gql(server.url, REVOKE, { id: target?.id }, { token: user.token });
    expect(res.data?.revokeSession).toBe(true);
    expect(errorCode(await gql(server.url, VIEWER, {}, { token: phone }))).toBe("UNAUTHENTICATED");
    expect((await gql(server.url, VIEWER, {}, { token: user.token })).data?.viewer.id).toBe(user.id);
  });

  it("revoking the current session logs out and clears the cookie", async () => {
    const user = await buildUser(server.db);
    const current = (await listed(user.token)).find((s) => s.current);
    const res = await gql(server.url, REVOKE, { id: current?.id }, { token: user.token });
    expect(res.headers.get("set-cookie")).toMatch(/pratica_session=;/);
    expect(errorCode(await gql(server.url, VIEWER, {}, { token: user.token }))).toBe("UNAUTHENTICATED");
  });

  it("refuses another account's session (FORBIDDEN), which stays live", async () => {
    const [user, other] = [await buildUser(server.db), await buildUser(server.db)];
    const [theirs] = await server.db.select().from(sessions).where(eq(sessions.userId, other.id));
    const res = await gql(server.url, REVOKE, { id: theirs?.id }, { token: user.token });
    expect(errorCode(res)).toBe("FORBIDDEN");
    expect((await gql(server.url, VIEWER, {}, { token: other.token })).data?.viewer.id).toBe(other.id);
  });

  it("refuses an unknown id (NOT_FOUND), a malformed one (NOT_FOUND) and an ended session (CONFLICT)", async () => {
    const user = await buildUser(server.db);
    const unknown = await gql(
      server.url,
      REVOKE,
      { id: "00000000-0000-4000-8000-000000000000" },
      { token: user.token },
    );
    expect(errorCode(unknown)).toBe("NOT_FOUND");
    const malformed = await gql(server.url, REVOKE, { id: "not-an-id" }, { token: user.token });
    expect(errorCode(malformed)).toBe("NOT_FOUND");

    const phone = await loginFrom(user, IPHONE);
    const target = (await listed(phone)).find((s) => s.current);
    await gql(server.url, REVOKE, { id: target?.id }, { token: user.token });
    const again = await gql(server.url, REVOKE, { id: target?.id }, { token: user.token });
    expect(errorCode(again)).toBe("CONFLICT");
  });
});
