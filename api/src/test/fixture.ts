import type { DatabaseHandle } from "@pratica/db";
import type { Client } from "graphql-ws";
import { afterAll, beforeAll } from "vitest";
import { wsClient } from "./client.js";
import { startTestServer, type TestServer, type TestServerHooks } from "./server.js";

export type UsedTestServer = TestServer & {
  database: DatabaseHandle;
  /**
   * A graphql-ws client of this server, logged in as `user` (a `{ token }`) or anonymous;
   * disposed after the file's tests if the test did not dispose it.
   */
  socketFor: (user?: { token: string }) => Client;
};

/**
 * The server every api test file starts: registers `beforeAll` (a real server on a random port
 * over a fresh database) and `afterAll` (sockets disposed, server stopped, database dropped) in
 * the enclosing file or `describe`, and returns the server. Its fields read the running one, so
 * `const server = useTestServer()` at the top is used as the server itself inside the tests and
 * in later `beforeAll` hooks, which vitest runs after this one.
 *
 * The arguments are `startTestServer`'s: `env` (a function when it is only known once an earlier
 * `beforeAll` ran), `shared` (a function returning another instance's database, for a second
 * api over the same data) and `hooks`.
 */
export function useTestServer(
  env: Record<string, string> | (() => Record<string, string>) = {},
  shared?: () => DatabaseHandle,
  hooks: TestServerHooks = {},
): UsedTestServer {
  let running: (TestServer & { database: DatabaseHandle }) | undefined;
  const sockets = new Set<Client>();
  beforeAll(async () => {
    running = await startTestServer(typeof env === "function" ? env() : env, shared?.(), hooks);
  });
  afterAll(async () => {
    await Promise.all([...sockets].map((s) => s.dispose()));
    await running?.stop();
  });
  const now = () => {
    if (!running) throw new Error("The test server is not running: use it inside tests and hooks.");
    return running;
  };
  return {
    get url() {
      return now().url;
    },
    get wsUrl() {
      return now().wsUrl;
    },
    get db() {
      return now().db;
    },
    get database() {
      return now().database;
    },
    get statements() {
      return now().statements;
    },
    get bus() {
      return now().bus;
    },
    get services() {
      return now().services;
    },
    subscribed: (topic, id) => now().subscribed(topic, id),
    operationEnded: () => now().operationEnded(),
    stop: () => now().stop(),
    socketFor: (user) => {
      const socket = wsClient(now().wsUrl, user ? { authorization: `Bearer ${user.token}` } : undefined);
      sockets.add(socket);
      return socket;
    },
  };
}
