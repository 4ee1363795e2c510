import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { wsClient, wsQuery } from "../client.js";
import { buildUser } from "../factories.js";
import { startTestServer, type TestServer } from "../server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

/** Resolves with the close code of the socket once the client gives up. */
function closeCodeOf(connectionParams: Record<string, unknown>): Promise<number> {
  return new Promise((resolve) => {
    const client = wsClient(server.wsUrl, connectionParams);
    client.on("closed", (event) => resolve((event as { code: number }).code));
    client.subscribe({ query: "{ viewer { id } }" }, { next: () => {}, error: () => {}, complete: () => {} });
  });
}

describe("graphql-ws", () => {
  it("refuses a bad token in connection_init with close code 4403", async () => {
    expect(await closeCodeOf({ authorization: "Bearer not-a-session" })).toBe(4403);
  });

  it("authenticates with a bearer token in connectionParams", async () => {
    const user = await buildUser(server.db);
    const client = wsClient(server.wsUrl, { authorization: `Bearer ${user.token}` });
    const result = await wsQuery<{ viewer: { id: string } }>(client, "{ viewer { id } }");
    expect(result.data?.viewer.id).toBe(user.id);
    await client.dispose();
  });

  it("runs anonymously without a token", async () => {
    const client = wsClient(server.wsUrl);
    const result = await wsQuery<{ viewer: null }>(client, "{ viewer { id } }");
    expect(result.data?.viewer).toBeNull();
    await client.dispose();
  });

  it("authenticates with the session cookie from the same origin", async () => {
    const user = await buildUser(server.db);
    const origin = server.url.replace("/graphql", "");
    const client = wsClient(server.wsUrl, undefined, { cookie: `pratica_session=${user.token}`, origin });
    const result = await wsQuery<{ viewer: { id: string } }>(client, "{ viewer { id } }");
    expect(result.data?.viewer.id).toBe(user.id);
    await client.dispose();
  });

  it("refuses a cookie-authenticated upgrade from a foreign Origin", async () => {
    const user = await buildUser(server.db);
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(server.wsUrl, "graphql-transport-ws", {
        headers: { cookie: `pratica_session=${user.token}`, origin: "https://evil.example" },
      });
      ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      ws.on("open", () => resolve(101));
      ws.on("error", () => {});
    });
    expect(status).toBe(403);
  });

  it("closes a connection that sends more than 64 KiB in one message", async () => {
    const code = await new Promise<number>((resolve) => {
      const ws = new WebSocket(server.wsUrl, "graphql-transport-ws");
      ws.on("open", () => ws.send("x".repeat(65 * 1024)));
      ws.on("close", (c) => resolve(c));
      ws.on("error", () => {});
    });
    expect(code).toBe(1009);
  });
});
