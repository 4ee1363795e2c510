import { createHash } from "node:crypto";
import { type Request, type Response, Router } from "express";
import { z } from "zod";
import type { Locale } from "../core/context.js";
import { DomainError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { exportRows, suppliersCsv } from "../modules/suppliers/open-data.js";
import { type ContextDeps, httpContext } from "./context.js";

/** The parameters, as strings; each is then read by the directory's own rule (suppliers.rules.ts). */
const paramsRules = z
  .object({
    cpv: z.string().max(20).optional(),
    municipality: z.string().max(10).optional(),
    certification: z.string().max(40).optional(),
    query: z.string().max(200).optional(),
    lang: z.enum(["it", "en"], "Use it or en.").optional(),
  })
  .strict();

/** `GET /suppliers.csv` (docs/buy-social.md, "Directory and open data"): public, cached briefly. */
export function supplierDataRoutes(deps: ContextDeps, logger: Logger): Router {
  const router = Router();
  router.get("/suppliers.csv", async (req: Request, res: Response) => {
    try {
      const ctx = await httpContext(deps, req, res);
      const { supplierDirectory, supplierClock, mail, db } = ctx.services;
      const parsed = paramsRules.safeParse(Object.fromEntries(Object.entries(req.query)));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = String(issue?.path[0] ?? (issue && "keys" in issue ? issue.keys[0] : undefined) ?? "query");
        return refuse(res, 400, "BAD_USER_INPUT", field, issue?.message ?? "Invalid.");
      }
      const { lang, ...raw } = parsed.data;
      const filters = supplierDirectory.filters(raw);
      const locale: Locale = lang ?? ((req.acceptsLanguages("it", "en") as Locale | false) || "it");
      const rows = await exportRows(db, await supplierDirectory.all(filters, locale));
      const pageUrl = (slug: string) => mail.url(`/partners/${encodeURIComponent(slug)}/supplier`);
      const body = suppliersCsv(rows, locale, supplierClock.now(), pageUrl);
      const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
      res.setHeader("Cache-Control", "public, max-age=300");
      res.setHeader("Vary", "Accept-Language");
      res.setHeader("ETag", etag);
      if (req.headers["if-none-match"] === etag) return res.status(304).end();
      res.setHeader("Content-Type", "text/csv; charset=utf-8");
      res.setHeader("Content-Disposition", 'attachment; filename="suppliers.csv"');
      return res.status(200).send(body);
    } catch (err) {
      if (err instanceof DomainError) {
        const field = typeof err.details.field === "string" ? err.details.field : null;
        return refuse(res, 400, err.code, field, err.message);
      }
      logger.error({ err }, "supplier open data failed");
      return refuse(res, 500, "INTERNAL_SERVER_ERROR", null, "The export failed.");
    }
  });
  return router;
}

function refuse(res: Response, status: number, code: string, field: string | null, message: string) {
  res.setHeader("Cache-Control", "no-store");
  return res.status(status).json({ error: { code, field, message } });
}
