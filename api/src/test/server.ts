import "reflect-metadata";
import type { Database, DatabaseHandle } from "@pratica/db";
import type { DestinationStream } from "pino";
import { loadConfig } from "../config.js";
import type { EventBus } from "../core/event-bus.js";
import { createLogger } from "../core/logger.js";
import type { Services } from "../core/services.js";
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
  /** The instance's services (the mail service, to queue a message as a write would). */
  services: Services;
  /**
   * Resolves when the next subscription to `topic:id` on this instance is in place. Call it
   * before subscribing, await it after: then publish, and the subscriber will hear it.
   */
  subscribed: (topic: string, id: string) => Promise<void>;
  /** Resolves when the next WebSocket operation on this instance is over and its streams closed. */
  operationEnded: () => Promise<void>;
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
/**
 * What a production server needs to start: `SMTP_URL` (here one where nothing listens: nodemailer
 * connects only to send, and these tests send nothing) and a signing secret.
 */
export const PRODUCTION = {
  NODE_ENV: "production",
  SMTP_URL: "smtp://127.0.0.1:9",
  SIGNING_SECRET: "test-signing-secret-of-at-least-32-characters",
} as const;

export async function startTestServer(
  env: Record<string, string> = {},
  shared?: DatabaseHandle,
  hooks: TestServerHooks = {},
): Promise<TestServer & { database: DatabaseHandle }> {
  const statements: string[] = [];
  const database = shared ? { ...shared, drop: async () => {} } : await freshDatabase((sql) => statements.push(sql));
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", PORT: "0", ...env });
  const waiting: { key: string; resolve: () => void }[] = [];
  const onSubscribed = (topic: string, id: string) => {
    hooks.onSubscribed?.(topic, id);
    const i = waiting.findIndex((w) => w.key === `${topic}:${id}`);
    if (i >= 0) waiting.splice(i, 1)[0]?.resolve();
  };
  const ending: (() => void)[] = [];
  const onSocketOperationEnd = (operationId: string) => {
    hooks.onSocketOperationEnd?.(operationId);
    for (const resolve of ending.splice(0)) resolve();
  };
  const app = await createApp(config, database, createLogger(config.LOG_LEVEL, hooks.logTo), {
    ...hooks,
    onSubscribed,
    onSocketOperationEnd,
  });
  const port = await app.listen(0);
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    db: database.db,
    database,
    statements,
    bus: app.bus,
    services: app.services,
    subscribed: (topic, id) => new Promise<void>((resolve) => waiting.push({ key: `${topic}:${id}`, resolve })),
    operationEnded: () => new Promise<void>((resolve) => ending.push(resolve)),
    stop: async () => {
      await app.stop();
      await database.drop();
    },
  };
}
