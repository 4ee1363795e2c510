import "reflect-metadata";
import type { Database, DatabaseHandle } from "@pratica/db";
import type { DestinationStream } from "pino";
import { loadConfig } from "../config.js";
import type { EventBus } from "../core/event-bus.js";
import { createLogger } from "../core/logger.js";
import { type AppHooks, createApp } from "../server/app.js";
import { freshDatabase } from "./database.js";

export type TestServer = {
  url: string;
  wsUrl: string;
  db: Database;
  /** Every SQL statement sent since the server started, for statement-count assertions. */
  statements: string[];
  /** The instance's event bus. */
  bus: EventBus;
  stop: () => Promise<void>;
};

export type TestServerHooks = AppHooks & {
  /** Where the server's log lines go (stdout otherwise); set LOG_LEVEL in `env`, it is silent by default. */
  logTo?: DestinationStream;
};

/**
 * A real server on a random port over a fresh database, as the app runs it. Pass another
 * test server's `shared` database to run a second api instance on the same data.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  shared?: DatabaseHandle,
  hooks: TestServerHooks = {},
): Promise<TestServer & { database: DatabaseHandle }> {
  const statements: string[] = [];
  const database = shared ? { ...shared, drop: async () => {} } : await freshDatabase((sql) => statements.push(sql));
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", PORT: "0", ...env });
  const app = await createApp(config, database, createLogger(config.LOG_LEVEL, hooks.logTo), hooks);
  const port = await app.listen(0);
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    db: database.db,
    database,
    statements,
    bus: app.bus,
    stop: async () => {
      await app.stop();
      await database.drop();
    },
  };
}
