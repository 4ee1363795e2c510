import { randomBytes } from "node:crypto";
import { users } from "@pratica/db";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { IDENTITY_LIMITS } from "../../modules/identity/identity-guard.js";
import { errorCode, gql } from "../client.js";
import { useTestServer } from "../fixture.js";
import type { TestServer } from "../server.js";

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { user { id } } }`;
const { perEmail, perAddress } = IDENTITY_LIMITS.register;

// The servers believe this test's X-Forwarded-For (TRUST_PROXY=loopback), so every test speaks
// from addresses of its own; fresh ones each run, as the Redis counters outlive a run.
const freshAddress = () => `2001:db8:${randomBytes(2).toString("hex")}::${randomBytes(2).toString("hex")}`;
const uniqueEmail = () => `someone-${randomBytes(6).toString("hex")}@example.org`;

const register = (server: TestServer, email: string, address: string) =>
  gql(
    server.url,
    REGISTER,
    { input: { email, password: "long enough pass", displayName: "Ada" } },
    { headers: { "x-forwarded-for": address } },
  );

const accountsWith = async (server: TestServer, email: string) =>
  (
    await server.db
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
  )[0]?.n ?? 0;

describe("register rate limit, one instance", () => {
  const server = useTestServer({ TRUST_PROXY: "loopback" });

  it(`refuses registration ${perAddress.points + 1} from one address with RATE_LIMITED, creating no user`, async () => {
    const address = freshAddress();
    for (let i = 0; i < perAddress.points; i++) {
      const res = await register(server, uniqueEmail(), address);
      expect(res.errors).toBeUndefined();
    }
    const email = uniqueEmail();
    const refused = await register(server, email, address);
    expect(errorCode(refused)).toBe("RATE_LIMITED");
    expect(refused.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(perAddress.duration - 60);
    expect(await accountsWith(server, email)).toBe(0);

    // The limit is the address's: the same person elsewhere is welcome.
    const elsewhere = await register(server, email, freshAddress());
    expect(elsewhere.errors).toBeUndefined();
    expect(await accountsWith(server, email)).toBe(1);
  });

  it(`refuses attempt ${perEmail.points + 1} for one email, from any address and in any case`, async () => {
    const email = uniqueEmail();
    expect((await register(server, email, freshAddress())).errors).toBeUndefined();
    // Each further attempt tells whether the address is registered: they are counted too.
    for (let i = 1; i < perEmail.points; i++) {
      const taken = await register(server, i % 2 ? email.toUpperCase() : email, freshAddress());
      expect(errorCode(taken)).toBe("BAD_USER_INPUT");
    }
    const refused = await register(server, email.toUpperCase(), freshAddress());
    expect(errorCode(refused)).toBe("RATE_LIMITED");
    expect(refused.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(await accountsWith(server, email)).toBe(1);
  });

  it("counts neither attempts refused for their address nor invalid input against the email", async () => {
    const email = uniqueEmail();
    const busy = freshAddress();
    for (let i = 0; i < perAddress.points; i++)
      expect((await register(server, uniqueEmail(), busy)).errors).toBeUndefined();
    for (let i = 0; i < perEmail.points; i++)
      expect(errorCode(await register(server, email, busy))).toBe("RATE_LIMITED");
    for (let i = 0; i < perEmail.points; i++) {
      const invalid = await gql(
        server.url,
        REGISTER,
        { input: { email, password: "short", displayName: "Ada" } },
        { headers: { "x-forwarded-for": freshAddress() } },
      );
      expect(errorCode(invalid)).toBe("BAD_USER_INPUT");
    }
    expect(await accountsWith(server, email)).toBe(0);
    expect((await register(server, email, freshAddress())).errors).toBeUndefined();
    expect(await accountsWith(server, email)).toBe(1);
  });
});

// CI sets TEST_REDIS_URL (and starts Redis); without it this part is skipped, loudly.
const redisUrl = process.env.TEST_REDIS_URL;
if (!redisUrl) console.warn("TEST_REDIS_URL is not set: skipping the two-instance (Redis) register-limit tests");

describe.skipIf(!redisUrl)("register rate limit over two api instances, counted in Redis", () => {
  const env = { REDIS_URL: redisUrl as string, TRUST_PROXY: "loopback" };
  const a = useTestServer(env);
  const b = useTestServer(env, () => a.database);

  it(`${perAddress.points + 1} registrations at once from one address, through both: exactly ${perAddress.points} accounts`, async () => {
    const address = freshAddress();
    const emails = Array.from({ length: perAddress.points + 1 }, uniqueEmail);
    const results = await Promise.all(emails.map((email, i) => register(i % 2 ? b : a, email, address)));
    const refused = results.filter((res) => errorCode(res) === "RATE_LIMITED");
    expect(refused).toHaveLength(1);
    expect(results.filter((res) => res.errors === undefined)).toHaveLength(perAddress.points);
    const created = await Promise.all(emails.map((email) => accountsWith(a, email)));
    expect(created.reduce((sum, n) => sum + n, 0)).toBe(perAddress.points);
  });

  it(`refuses attempt ${perEmail.points + 1} for one email whichever instance counted the others`, async () => {
    const email = uniqueEmail();
    expect((await register(a, email, freshAddress())).errors).toBeUndefined();
    for (let i = 1; i < perEmail.points; i++) {
      expect(errorCode(await register(i % 2 ? b : a, email, freshAddress()))).toBe("BAD_USER_INPUT");
    }
    expect(errorCode(await register(b, email, freshAddress()))).toBe("RATE_LIMITED");
    expect(errorCode(await register(a, email, freshAddress()))).toBe("RATE_LIMITED");
  });
});
