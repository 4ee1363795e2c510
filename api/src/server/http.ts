import { existsSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ApolloServer } from "@apollo/server";
import type { Database } from "@pratica/db";
import { sql } from "drizzle-orm";
import express, { type Express } from "express";
import { pinoHttp } from "pino-http";
import type { Context } from "../core/context.js";
import type { Logger } from "../core/logger.js";
import { accountRoutes } from "./account-routes.js";
import { calendarRoutes } from "./calendar-routes.js";
import { type ContextDeps, httpContext } from "./context.js";
import { devMailRoutes } from "./dev-mail-routes.js";
import { exportRoutes } from "./export-routes.js";
import { graphqlHttpHandler } from "./graphql-http.js";
import { partnerDataRoutes } from "./partner-data-routes.js";
import { procurementDataRoutes } from "./procurement-data-routes.js";
import { securityHeaders } from "./security-headers.js";
import { supplierDataRoutes } from "./supplier-data-routes.js";
import { unsubscribeRoutes } from "./unsubscribe-routes.js";
import { loadPageMatcher } from "./web-routes.js";
import { GRAPHQL_PATH } from "./ws.js";

/** Put into index.html in development without SMTP, where /dev/mail exists. */
export const DEV_MAILBOX_META = '<meta name="pratica-dev-mailbox" content="/dev/mail">';

// api/{src,dist}/server → the repository's web/dist.
export const DEFAULT_WEB_DIST = fileURLToPath(new URL("../../../web/dist", import.meta.url));

export type HttpOptions = {
  apollo: ApolloServer<Context>;
  deps: ContextDeps;
  db: Database;
  logger: Logger;
  webDistDir: string;
  /** Turns on HSTS. */
  production: boolean;
  /** The address users open, named in the CSP for browsers that need the socket's origin spelled out. */
  publicOrigin?: string | undefined;
  /** The partner map's tile template (MAP_TILE_URL): its origin is the one remote image source the page may load. */
  mapTileUrl?: string | undefined;
  /** Development without SMTP: serve the development mailbox at /dev/mail and link it from the app's footer. */
  devMailbox?: boolean | undefined;
};

/**
 * Every HTTP request: security headers first, whatever answers; then /graphql goes to Apollo
 * directly (graphql-http.ts), the rest (health, exports, the web app) to express.
 */
export function createRequestHandler(options: HttpOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const { apollo, deps, logger } = options;
  // One line per request, with every header, is for debugging: at info a console shows what
  // happens (start, problems), not traffic. pino-http builds a child logger (serializing the
  // request) for every request even when it will not be written: leave it out below debug.
  const log = logger.isLevelEnabled("debug")
    ? pinoHttp({ logger, useLevel: "debug", autoLogging: { ignore: (req) => req.url === "/healthz" } })
    : undefined;
  const graphql = graphqlHttpHandler(apollo, (req, res) => httpContext(deps, req, res), logger);
  const app = createExpressApp(options);
  const headers = securityHeaders({
    production: options.production,
    publicOrigin: options.publicOrigin,
    mapTileUrl: options.mapTileUrl,
  });
  const route = (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? "";
    const isGraphql =
      url.startsWith(GRAPHQL_PATH) && (url.length === GRAPHQL_PATH.length || url[GRAPHQL_PATH.length] === "?");
    if (isGraphql) graphql(req, res);
    else app(req, res);
  };
  return (req, res) => {
    log?.(req, res);
    headers(req, res, (err) => {
      if (!err) return route(req, res);
      logger.error({ err }, "security headers failed");
      res.statusCode = 500;
      res.end();
    });
  };
}

function createExpressApp({ deps, db, logger, webDistDir, devMailbox }: HttpOptions): Express {
  const app = express();
  app.disable("x-powered-by");
  // res.send hashes every body for an ETag; GraphQL answers to POSTs are never revalidated, so
  // that is ~1.5% of a thread page's CPU for nothing. Static files keep serve-static's own ETags.
  app.set("etag", false);

  app.get("/healthz", async (_req, res) => {
    try {
      await db.execute(sql`select 1`);
      res.json({ status: "ok" });
    } catch (err) {
      logger.warn({ err }, "health check failed");
      res.status(503).json({ status: "unavailable" });
    }
  });

  app.use(accountRoutes(deps, logger));
  app.use(exportRoutes(deps, logger));
  // Before the web app's catch-all: /partners.csv and /partners.geojson are data, not pages.
  app.use(partnerDataRoutes(deps, logger));
  // Likewise /suppliers.csv (docs/buy-social.md).
  app.use(supplierDataRoutes(deps, logger));
  // And /procurement.ocds.json (Buy Social's requests as OCDS, docs/buy-social-requests.md).
  app.use(procurementDataRoutes(deps, logger));
  // Likewise /events/:id/event.ics, /calendar/<token>.ics and /events.geojson.
  app.use(calendarRoutes(deps, logger));
  app.use(unsubscribeRoutes(deps, logger));
  if (devMailbox) app.use(devMailRoutes(db));
  serveWeb(app, webDistDir, logger, devMailbox === true);
  return app;
}

/**
 * The built web app: index.html for every page's path, and with 404 for any other path (the app
 * then shows its "not found" page). Paths of a page whose object does not exist (/t/<unknown id>)
 * stay 200: telling would cost a query per page load, and the page says so itself.
 */
function serveWeb(app: Express, dir: string, logger: Logger, devMailbox: boolean) {
  const index = join(dir, "index.html");
  if (!existsSync(index)) {
    app.get("/", (_req, res) => {
      res.type("text").send("Pratica api is running. The web app is not built: run `pnpm build`.");
    });
    return;
  }
  const isPage = loadPageMatcher(dir);
  if (!isPage) {
    logger.warn({ dir }, "this web build has no app-routes.json (built before it): every path answers 200");
  }
  app.use(express.static(dir, { index: false, maxAge: "1h", immutable: false }));
  app.use("/assets", (_req, res) => res.status(404).end());
  app.get(/.*/, (req, res) => {
    const status = !isPage || isPage(req.path) ? 200 : 404;
    if (!devMailbox) return res.status(status).sendFile(index, { headers: { "Cache-Control": "no-cache" } });
    // The footer links the development mailbox when the page says it exists (web/src/app/DevMailboxLink.tsx).
    const html = readFileSync(index, "utf8").replace("</head>", `${DEV_MAILBOX_META}</head>`);
    return res.status(status).setHeader("Cache-Control", "no-cache").type("html").send(html);
  });
}
