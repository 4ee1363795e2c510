import type { Client } from "graphql-ws";
import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { errorCode, wsClient } from "../client.js";
import { buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { collect } from "../live.js";
import { addPost, firstResult, liveProbe, NOTIFICATIONS, type Notified, thread } from "./ws-fixtures.js";

const server = useTestServer();

/** Resolves with the close code of the socket once the client gives up. */
function closeCodeOf(connectionParams: Record<string, unknown>): Promise<number> {
  return new Promise((resolve) => {
    const client = wsClient(server.wsUrl, connectionParams);
    client.on("closed", (event) => resolve((event as { code: number }).code));
    client.subscribe({ query: NOTIFICATIONS }, { next: () => {}, error: () => {}, complete: () => {} });
  });
}

/**
 * The socket acts as `client`'s owner: their notificationAdded subscription is accepted and
 * receives the notification Bob's reply to their thread makes (only its recipient gets it).
 */
async function receivesOwnNotification(client: Client, setup: Awaited<ReturnType<typeof thread>>) {
  const notes = collect<Notified>(client, NOTIFICATIONS);
  const probe = await liveProbe(client, setup.thread.id);
  await addPost(server, setup.bob, setup.thread.id, "A reply for Alice");
  const [note] = await notes.until((d) => d.length >= 1);
  expect(notes.results[0]?.errors).toBeUndefined();
  expect(note?.notificationAdded).toEqual({
    kind: "REPLY_TO_THREAD",
    excerpt: "A reply for Alice",
    actor: { id: setup.bob.id },
  });
  notes.stop();
  probe.stop();
}

describe("graphql-ws", () => {
  it("refuses a bad token in connection_init with close code 4403", async () => {
    expect(await closeCodeOf({ authorization: "Bearer not-a-session" })).toBe(4403);
  });

  it("authenticates with a bearer token in connectionParams", async () => {
    const setup = await thread(server);
    const client = server.socketFor(setup.alice);
    await receivesOwnNotification(client, setup);
    await client.dispose();
  });

  it("runs anonymously without a token: public subscriptions work, notificationAdded is UNAUTHENTICATED", async () => {
    const setup = await thread(server);
    const client = server.socketFor();
    const probe = await liveProbe(client, setup.thread.id);
    expect(probe.data[0]?.threadEvents).toMatchObject({ __typename: "PostAdded", post: { body: "Alice opens" } });
    expect(errorCode(await firstResult(client, NOTIFICATIONS))).toBe("UNAUTHENTICATED");
    probe.stop();
    await client.dispose();
  });

  it("authenticates with the session cookie from the same origin", async () => {
    const setup = await thread(server);
    const origin = server.url.replace("/graphql", "");
    const client = wsClient(server.wsUrl, undefined, { cookie: `pratica_session=${setup.alice.token}`, origin });
    await receivesOwnNotification(client, setup);
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
