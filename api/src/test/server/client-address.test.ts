import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../config.js";
import { clientAddressResolver } from "../../server/client-address.js";
import { errorCode, gql } from "../client.js";
import { buildUser, TEST_PASSWORD } from "../factories.js";
import { useTestServer } from "../fixture.js";
import type { TestServer } from "../server.js";

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token } }`;

/** A login from this test (peer 127.0.0.1) claiming, in X-Forwarded-For, to come from `forwarded`. */
const login = (server: TestServer, email: string, password: string, forwarded: string) =>
  gql(server.url, LOGIN, { input: { email, password } }, { headers: { "x-forwarded-for": forwarded } });

describe("with TRUST_PROXY unset", () => {
  const server = useTestServer();

  it("a forged X-Forwarded-For from 127.0.0.1 does not escape the login rate limit", async () => {
    const user = await buildUser(server.db);
    for (let i = 0; i < 5; i++) {
      const res = await login(server, user.email, `wrong ${i}`, `203.0.113.${i + 1}`);
      expect(errorCode(res)).toBe("UNAUTHENTICATED");
    }
    const limited = await login(server, user.email, TEST_PASSWORD, "203.0.113.99");
    expect(errorCode(limited)).toBe("RATE_LIMITED");
  });
});

describe("with TRUST_PROXY=loopback", () => {
  const server = useTestServer({ TRUST_PROXY: "loopback" });

  it("believes the proxy's X-Forwarded-For: failures count against the forwarded address", async () => {
    const user = await buildUser(server.db);
    for (let i = 0; i < 5; i++) {
      expect(errorCode(await login(server, user.email, `wrong ${i}`, "203.0.113.1"))).toBe("UNAUTHENTICATED");
    }
    expect(errorCode(await login(server, user.email, TEST_PASSWORD, "203.0.113.1"))).toBe("RATE_LIMITED");
    const elsewhere = await login(server, user.email, TEST_PASSWORD, "203.0.113.2");
    expect(elsewhere.errors).toBeUndefined();
    expect(elsewhere.data?.login.token).toBeTruthy();
  });
});

describe("TRUST_PROXY", () => {
  const request = (peer: string, forwarded: string) =>
    ({ socket: { remoteAddress: peer }, headers: { "x-forwarded-for": forwarded } }) as unknown as IncomingMessage;

  it("takes addresses, CIDRs and proxy-addr's names, and refuses anything else", () => {
    expect(loadConfig({}).TRUST_PROXY).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: "loopback, 10.0.0.0/8,192.168.1.7" }).TRUST_PROXY).toEqual([
      "loopback",
      "10.0.0.0/8",
      "192.168.1.7",
    ]);
    expect(() => loadConfig({ TRUST_PROXY: "everyone" })).toThrow(/TRUST_PROXY/);
  });

  it("follows X-Forwarded-For back through the trusted proxies only", () => {
    const none = clientAddressResolver({ TRUST_PROXY: [] });
    const compose = clientAddressResolver({ TRUST_PROXY: ["uniquelocal"] });
    expect(none(request("172.18.0.5", "203.0.113.7"))).toBe("172.18.0.5");
    expect(compose(request("172.18.0.5", "203.0.113.7"))).toBe("203.0.113.7");
    // A client cannot add a hop of its own: the proxy's peer is the first untrusted address.
    expect(compose(request("172.18.0.5", "10.0.0.1, 203.0.113.7"))).toBe("203.0.113.7");
    expect(compose(request("198.51.100.1", "203.0.113.7"))).toBe("198.51.100.1");
  });
});
