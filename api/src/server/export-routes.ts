import { type Request, type Response, Router } from "express";
import { DomainError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { PRINT_STYLESHEET, toMarkdown, toPrintHtml } from "../modules/deliverable/export.js";
import { type ContextDeps, httpContext } from "./context.js";
import { printPagePolicy } from "./security-headers.js";

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

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
  const refuse = (res: Response, err: unknown) => {
    if (err instanceof DomainError)
      return res
        .status(STATUS[err.code] ?? 400)
        .type("text")
        .send(err.message);
    const status = (err as { extensions?: { http?: { status?: number } } }).extensions?.http?.status;
    if (status) return res.status(status).type("text").send("Log in again.");
    logger.error({ err }, "export failed");
    return res.status(500).type("text").send("The export failed.");
  };

  router.get("/deliverables/:id/export.md", async (req, res) => {
    try {
      const doc = await exported(req, res);
      res
        .type("text/markdown; charset=utf-8")
        .attachment(`${fileName(doc.deliverable.title)}.md`)
        .send(toMarkdown(doc));
    } catch (err) {
      refuse(res, err);
    }
  });

  // The page is ours alone: no scripts, no outside resources, only its inline stylesheet.
  router.get("/deliverables/:id/print", printPagePolicy(PRINT_STYLESHEET), async (req, res) => {
    try {
      const doc = await exported(req, res);
      const lang =
        req.query.lang === "en" ? "en" : req.query.lang === "it" ? "it" : req.acceptsLanguages("it", "en") || "en";
      res.type("html").send(toPrintHtml(doc, lang));
    } catch (err) {
      refuse(res, err);
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
