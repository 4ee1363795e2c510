import { createHash } from "node:crypto";
import { type Request, type Response, Router } from "express";
import type { Logger } from "../core/logger.js";
import { type ContextDeps, httpContext } from "./context.js";
import { refuseOverHttp } from "./http-refusal.js";
import { pageLocale } from "./page-locale.js";

const ICS = "text/calendar; charset=utf-8";

/**
 * Calendars over plain HTTP (docs/calendars.md): an event's .ics under its read rule (the session
 * cookie or Bearer token decides whether the online link is in it), the personal feed by its
 * secret URL, and upcoming placed events as GeoJSON for the map. Before the web app's catch-all.
 */
export function calendarRoutes(deps: ContextDeps, logger: Logger): Router {
  const router = Router();

  router.get("/events/:id/event.ics", async (req, res) => {
    try {
      const ctx = await httpContext(deps, req, res);
      const locale = pageLocale(req, ctx.caller.locale);
      const { ics } = await ctx.services.calendarRead.eventFile(ctx.viewer, String(req.params.id), locale);
      // What it holds depends on who asks (the online link): never a shared cache.
      res.setHeader("Cache-Control", "private, no-cache");
      res.setHeader("Vary", "Cookie, Authorization, Accept-Language");
      return res.type(ICS).attachment("event.ics").send(ics);
    } catch (err) {
      refuseOverHttp(res, err, logger, "event calendar failed");
    }
  });

  router.get("/calendar/:file", async (req, res) => {
    try {
      const file = String(req.params.file);
      const owner = file.endsWith(".ics") ? await deps.services.calendarFeed.owner(file.slice(0, -4)) : null;
      // An unknown, malformed or revoked token: nothing here, and nothing says which.
      if (!owner) return res.status(404).setHeader("Cache-Control", "no-store").type("text").send("Not found.");
      const locale = req.query.lang === "it" || req.query.lang === "en" ? req.query.lang : owner.locale;
      const ics = await deps.services.calendarRead.feedFile(owner.userId, locale);
      res.setHeader("Cache-Control", "private, no-cache");
      return sendTagged(req, res, ICS, ics);
    } catch (err) {
      refuseOverHttp(res, err, logger, "calendar feed failed");
    }
  });

  router.get("/events.geojson", async (req, res) => {
    try {
      const locale = pageLocale(req, "it");
      const collection = await deps.services.calendarRead.mapLayer(locale);
      res.setHeader("Cache-Control", "public, max-age=300");
      res.setHeader("Vary", "Accept-Language");
      return sendTagged(req, res, "application/geo+json; charset=utf-8", JSON.stringify(collection));
    } catch (err) {
      refuseOverHttp(res, err, logger, "events map layer failed");
    }
  });
  return router;
}

/** Calendar apps poll: an ETag lets an unchanged feed answer 304 without its body. */
function sendTagged(req: Request, res: Response, type: string, body: string) {
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  res.setHeader("ETag", etag);
  if (req.headers["if-none-match"] === etag) return res.status(304).end();
  return res.type(type).send(body);
}
