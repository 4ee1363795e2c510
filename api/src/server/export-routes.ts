import { type Request, type Response, Router } from "express";
import type { Logger } from "../core/logger.js";
import { PRINT_STYLESHEET, toMarkdown, toPrintHtml } from "../modules/deliverable/export.js";
import { type ContextDeps, httpContext } from "./context.js";
import { refuseOverHttp } from "./http-refusal.js";
import { pageLocale } from "./page-locale.js";
import { printPagePolicy } from "./security-headers.js";

/**
 * Plain-HTTP exports of a deliverable's current text, for links and "print to PDF": the same
 * read rule as `deliverable(id)` (session from the cookie or a Bearer token).
 */
export function exportRoutes(deps: ContextDeps, logger: Logger): Router {
  const router = Router();
  const exported = async (req: Request, res: Response) => {
    const ctx = await httpContext(deps, req, res);
    const { deliverable } = await ctx.services.deliverable.visible(ctx.viewer, String(req.params.id));
    return ctx.services.deliverable.exported(deliverable);
  };
  router.get("/deliverables/:id/export.md", async (req, res) => {
    try {
      const doc = await exported(req, res);
      res
        .type("text/markdown; charset=utf-8")
        .attachment(`${fileName(doc.deliverable.title)}.md`)
        .send(toMarkdown(doc));
    } catch (err) {
      refuseOverHttp(res, err, logger, "export failed");
    }
  });

  // The page is ours alone: no scripts, no outside resources, only its inline stylesheet.
  router.get("/deliverables/:id/print", printPagePolicy(PRINT_STYLESHEET), async (req, res) => {
    try {
      const doc = await exported(req, res);
      const lang = pageLocale(req, "en");
      res.type("html").send(toPrintHtml(doc, lang));
    } catch (err) {
      refuseOverHttp(res, err, logger, "export failed");
    }
  });
  return router;
}

const fileName = (title: string) =>
  title
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .replace(/\s+/g, "-")
    .toLowerCase()
    .slice(0, 80) || "document";
