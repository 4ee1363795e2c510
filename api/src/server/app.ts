import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { DatabaseHandle } from "@pratica/db";
import { Redis } from "ioredis";
import { createTransport } from "nodemailer";
import { createServices } from "../app/compose.js";
import type { Config } from "../config.js";
import { createEventBus, type EventBus, observeSubscriptions } from "../core/event-bus.js";
import { createJobQueue } from "../core/job-queue.js";
import type { Logger } from "../core/logger.js";
import type { Services } from "../core/services.js";
import { createSchema } from "../schema.js";
import { createApollo } from "./apollo.js";
import { clientAddressResolver } from "./client-address.js";
import { createRequestHandler, DEFAULT_WEB_DIST } from "./http.js";
import { attachWebSockets } from "./ws.js";
import type { Clock } from "./ws-sessions.js";

export type App = {
  server: Server;
  /** The event bus of this instance (tests wait on its `ready`). */
  bus: EventBus;
  /** The services of this instance (tests reach the mail service through it). */
  services: Services;
  /** Starts listening; resolves with the bound port (useful with PORT=0 in tests). */
  listen: (port: number) => Promise<number>;
  stop: () => Promise<void>;
};

export type AppHooks = {
  /** When WebSocket sessions expire (tests move it by hand); the system clock otherwise. */
  clock?: Clock;
  /**
   * Called when an operation on a WebSocket is over and its streams are closed, however it
   * ended (completed, failed, or its socket went away while it was being set up): a signal
   * tests wait for instead of a time.
   */
  onSocketOperationEnd?: (operationId: string) => void;
  /** Called once each subscription to the event bus is in place (tests wait for it). */
  onSubscribed?: (topic: string, id: string) => void;
  /** "Now" for the scheduled digest job (tests call `services.digest.run(at)` directly instead). */
  digestClock?: () => Date;
  /** "Now" for the new-member age rule (tests move it); the system clock otherwise. */
  trustClock?: () => Date;
  /** Prefix of the new-member counters' Redis keys: each test run its own, so parallel files never share them. */
  newMemberKeyPrefix?: string;
  /** "Now" for moderation: the appeal window, sanctions' ends, the sanction sweeper (tests move it). */
  moderationClock?: () => Date;
  /** "Now" for membership applications: a signing date may not be in the future (tests move it). */
  applicationsClock?: () => Date;
  /** "Now" for the observatory's refresh job (tests fix it and call `services.observatory.refresh(at)`). */
  observatoryClock?: () => Date;
  /** "Now" for decisions: closing in the future, the scheduler (tests fix it and call `services.decisionScheduler.tick(at)`). */
  decisionsClock?: () => Date;
  /** "Now" for the directory's signing-year rule and withdrawal dates (tests move it). */
  partnersClock?: () => Date;
  /** "Now" for events: "started", the claim window, the sweep job (tests move it and call `services.eventSeats.sweep(at)`). */
  eventsClock?: () => Date;
  /** "Now" for funding calls (archiving, closingSoon, reminders; tests move it); the system clock otherwise. */
  fundingCallsClock?: () => Date;
  /** "Now" for buyer requests' deadlines (tests move it); the system clock otherwise. */
  procurementClock?: () => Date;
  /** "Today" for certifications' expiry (Europe/Rome); the system clock otherwise. */
  suppliersClock?: () => Date;
};

/** Wires schema, services, Apollo, WebSocket and HTTP onto one Node server. */
export async function createApp(
  config: Config,
  database: DatabaseHandle,
  logger: Logger,
  hooks: AppHooks = {},
): Promise<App> {
  const redis = config.REDIS_URL
    ? new Redis(config.REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 2 })
    : undefined;
  const bus = observeSubscriptions(createEventBus(config.REDIS_URL), hooks.onSubscribed);
  // The durable job queue lives in the app's database (docs/architecture.md, "Job queue").
  const queue = createJobQueue(database);
  queue.on("error", (error) => logger.error({ err: error }, "job queue error"));
  await queue.start();
  // Links in emails: PUBLIC_ORIGIN, else this server itself once it knows its port.
  let publicOrigin = config.PUBLIC_ORIGIN ?? `http://localhost:${config.PORT}`;
  const services = createServices(database.db, {
    sessionTtlDays: config.SESSION_TTL_DAYS,
    searchTimeoutMs: config.SEARCH_TIMEOUT_MS,
    redis,
    bus,
    mail: {
      queue,
      from: config.MAIL_FROM,
      transport: config.SMTP_URL ? createTransport(config.SMTP_URL) : undefined,
      pollingIntervalSeconds: config.MAIL_POLL_SECONDS,
      publicOrigin: () => publicOrigin,
      devMailbox: config.devMailbox ? database.db : undefined,
    },
    signingSecret: config.signingSecret,
    digest: { queue, clock: hooks.digestClock },
    trust: {
      settings: {
        newMemberDays: config.NEW_MEMBER_DAYS,
        threadsPerDay: config.NEW_MEMBER_THREADS_PER_DAY,
        repliesPerMinute: config.NEW_MEMBER_REPLIES_PER_MINUTE,
        linksPerPost: config.NEW_MEMBER_LINKS_PER_POST,
        mentionsPerPost: config.NEW_MEMBER_MENTIONS_PER_POST,
      },
      clock: hooks.trustClock,
      keyPrefix: hooks.newMemberKeyPrefix,
    },
    moderation: { queue, clock: hooks.moderationClock },
    decisions: { queue, clock: hooks.decisionsClock },
    applicationsClock: hooks.applicationsClock,
    observatory: {
      queue,
      refreshMinutes: config.OBSERVATORY_REFRESH_MINUTES,
      delaySeconds: config.OBSERVATORY_REFRESH_DELAY_SECONDS,
      clock: hooks.observatoryClock,
    },
    map: { tileUrl: config.MAP_TILE_URL ?? null, attribution: config.MAP_ATTRIBUTION ?? null },
    partnersClock: hooks.partnersClock,
    events: { queue, clock: hooks.eventsClock },
    fundingCalls: { queue, clock: hooks.fundingCallsClock },
    procurementClock: hooks.procurementClock,
    suppliersClock: hooks.suppliersClock,
  });
  await services.mail.start();
  await services.passwordReset.start();
  await services.digest.start();
  await services.sanctionSweeper.start();
  await services.decisionScheduler.start();
  await services.observatory.start();
  await services.eventSeats.start();
  await services.fundingCallReminders.start();
  const deps = {
    db: database.db,
    services,
    secureCookies: config.production,
    clientAddress: clientAddressResolver(config),
  };
  const schema = await createSchema(bus);
  const server = createServer();

  const ws = attachWebSockets(server, schema, deps, {
    allowedOrigins: (req) => sameOrigin(req, config.PUBLIC_ORIGIN),
    logger,
    production: config.production,
    clock: hooks.clock,
    onOperationEnd: hooks.onSocketOperationEnd,
  });
  // A logout on another instance must reach this one's sockets from the first connection on.
  await ws.ready();
  const apollo = createApollo({
    schema,
    httpServer: server,
    production: config.production,
    logger,
    disposeWebSockets: ws.dispose,
  });
  await apollo.start();
  server.on(
    "request",
    createRequestHandler({
      apollo,
      deps,
      db: database.db,
      logger,
      webDistDir: config.WEB_DIST_DIR ?? DEFAULT_WEB_DIST,
      production: config.production,
      publicOrigin: config.PUBLIC_ORIGIN,
      mapTileUrl: config.MAP_TILE_URL,
      devMailbox: config.devMailbox,
    }),
  );

  return {
    server,
    bus,
    services,
    listen: (port) =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, () => {
          const bound = (server.address() as AddressInfo).port;
          if (!config.PUBLIC_ORIGIN) publicOrigin = `http://localhost:${bound}`;
          resolve(bound);
        });
      }),
    async stop() {
      await apollo.stop();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
      await services.passwordReset.stop();
      await services.digest.stop();
      await services.sanctionSweeper.stop();
      await services.decisionScheduler.stop();
      await services.observatory.stop();
      await services.eventSeats.stop();
      await services.fundingCallReminders.stop();
      await services.mail.stop();
      // Waits for jobs in hand, then closes pg-boss's own pool (PGlite's connection is the app's).
      await queue.stop({ graceful: true, close: true, timeout: 10_000 });
      await bus.close();
      await redis?.quit();
    },
  };
}

/** The page that opens the socket is served by us (same host) or by the configured public origin. */
function sameOrigin(req: IncomingMessage, publicOrigin: string | undefined): boolean {
  const origin = req.headers.origin;
  if (!origin) return true; // not a browser: nothing to forge
  try {
    const { host, origin: normalised } = new URL(origin);
    return host === req.headers.host || (publicOrigin !== undefined && normalised === new URL(publicOrigin).origin);
  } catch {
    return false;
  }
}
