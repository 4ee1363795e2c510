import { createHash } from "node:crypto";
import { type Request, type Response, Router } from "express";
import { z } from "zod";
import type { Locale } from "../core/context.js";
import { DomainError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { partnersCsv, partnersGeoJson } from "../modules/partners/open-data.js";
import {
  categoryRule,
  type DirectoryFilters,
  sdgRule,
  signedYearRule,
  themeRule,
} from "../modules/partners/partners.rules.js";
import { type ContextDeps, httpContext } from "./context.js";

/** A whole number as a query string writes it ("2019"), then the directory's own rule. */
const wholeNumber = (rule: z.ZodType<number, number>) =>
  z
    .string()
    .regex(/^\d{1,6}$/, "Write a whole number.")
    .transform(Number)
    .pipe(rule);

/**
 * The open-data routes' parameters (snake_case, as the contract names them), each read by the
 * same element rule as the GraphQL filter (partners.rules.ts); anything unknown or repeated is refused.
 */
const paramsRules = (now: Date) =>
  z
    .object({
      category: categoryRule.optional(),
      theme: themeRule.optional(),
      sdg: wholeNumber(sdgRule).optional(),
      community: z.string().max(100).optional(),
      year: wholeNumber(signedYearRule(now)).optional(),
      status: z.enum(["current", "former", "all"], "Use current, former or all.").optional(),
      lang: z.enum(["it", "en"], "Use it or en.").optional(),
    })
    .strict();

type Refusal = { status: number; field: string | null; message: string; code: string };

/** `GET /partners.csv` and `GET /partners.geojson` (docs/partners.md, "Open data"): public, cached briefly. */
export function partnerDataRoutes(deps: ContextDeps, logger: Logger): Router {
  const router = Router();
  const serve = (format: "csv" | "geojson") => async (req: Request, res: Response) => {
    try {
      const ctx = await httpContext(deps, req, res);
      const { directory, mail } = ctx.services;
      const parsed = paramsRules(directory.now()).safeParse(singleValues(req.query));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        // An unknown parameter is named by its own key, as any other is.
        const field = String(issue?.path[0] ?? (issue && "keys" in issue ? issue.keys[0] : undefined) ?? "query");
        return refuse(res, { status: 400, code: "BAD_USER_INPUT", field, message: issue?.message ?? "Invalid." });
      }
      const p = parsed.data;
      const filters: DirectoryFilters = {
        category: p.category ?? null,
        theme: p.theme ?? null,
        sdg: p.sdg ?? null,
        // Open data is what anyone reads: a members-only community is no filter here, whoever asks.
        communityId: p.community ? await directory.communityIdBySlug(null, p.community, "community") : null,
        signedYear: p.year ?? null,
        status: p.status ? (p.status.toUpperCase() as DirectoryFilters["status"]) : "CURRENT",
        query: null,
      };
      const locale: Locale = p.lang ?? ((req.acceptsLanguages("it", "en") as Locale | false) || "it");
      const rows = await directory.all(filters, locale);
      const pageUrl = (slug: string) => mail.url(`/partners/${encodeURIComponent(slug)}`);
      const body =
        format === "csv" ? partnersCsv(rows, locale, pageUrl) : JSON.stringify(partnersGeoJson(rows, locale, pageUrl));
      const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
      res.setHeader("Cache-Control", "public, max-age=300");
      res.setHeader("Vary", "Accept-Language");
      res.setHeader("ETag", etag);
      if (req.headers["if-none-match"] === etag) return res.status(304).end();
      if (format === "csv") {
        res.setHeader("Content-Type", "text/csv; charset=utf-8");
        res.setHeader("Content-Disposition", 'attachment; filename="partners.csv"');
      } else {
        res.setHeader("Content-Type", "application/geo+json; charset=utf-8");
      }
      return res.status(200).send(body);
    } catch (err) {
      if (err instanceof DomainError) {
        const field = typeof err.details.field === "string" ? err.details.field : null;
        return refuse(res, { status: 400, code: err.code, field, message: err.message });
      }
      logger.error({ err }, "partner open data failed");
      return refuse(res, { status: 500, code: "INTERNAL_SERVER_ERROR", field: null, message: "The export failed." });
    }
  };
  router.get("/partners.csv", serve("csv"));
  router.get("/partners.geojson", serve("geojson"));
  return router;
}

/** Query values as single strings; a repeated or nested parameter stays an array/object, which the rules refuse. */
function singleValues(query: Request["query"]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query));
}

function refuse(res: Response, r: Refusal) {
  res.setHeader("Cache-Control", "no-store");
  return res.status(r.status).json({ error: { code: r.code, field: r.field, message: r.message } });
}
