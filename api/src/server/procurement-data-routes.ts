import { createHash } from "node:crypto";
import { type Request, type Response, Router } from "express";
import type { Logger } from "../core/logger.js";
import { type ContextDeps, httpContext } from "./context.js";

/**
 * `GET /procurement.ocds.json` (docs/buy-social-requests.md, "Open data"): the buyer requests as
 * an OCDS 1.1 release package; public (what anyone reads: no drafts, no answers but the award), cached briefly.
 */
export function procurementDataRoutes(deps: ContextDeps, logger: Logger): Router {
  const router = Router();
  router.get("/procurement.ocds.json", async (req: Request, res: Response) => {
    try {
      const ctx = await httpContext(deps, req, res);
      const { procurementData, procurement, mail } = ctx.services;
      const body = JSON.stringify(
        await procurementData.releasePackage(mail.url("/procurement.ocds.json"), procurement.now()),
      );
      // The ETag ignores publishedDate, which changes on every call while the releases do not.
      const etag = `"${createHash("sha256")
        .update(body.replace(/"publishedDate":"[^"]*"/, ""))
        .digest("base64url")
        .slice(0, 27)}"`;
      res.setHeader("Cache-Control", "public, max-age=300");
      res.setHeader("ETag", etag);
      if (req.headers["if-none-match"] === etag) return res.status(304).end();
      res.setHeader("Content-Type", "application/json; charset=utf-8");
      return res.status(200).send(body);
    } catch (err) {
      logger.error({ err }, "procurement open data failed");
      res.setHeader("Cache-Control", "no-store");
      return res
        .status(500)
        .json({ error: { code: "INTERNAL_SERVER_ERROR", field: null, message: "The export failed." } });
    }
  });
  return router;
}
