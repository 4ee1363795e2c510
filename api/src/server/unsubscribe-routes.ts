import { type Request, type Response, Router } from "express";
import type { Locale } from "../core/context.js";
import type { Logger } from "../core/logger.js";
import type { ContextDeps } from "./context.js";
import { pageLocale } from "./page-locale.js";
import { formPagePolicy } from "./security-headers.js";
import { confirmPage, donePage, invalidPage, UNSUBSCRIBE_STYLESHEET } from "./unsubscribe-page.js";

/**
 * One-click unsubscribe (RFC 8058) of notification emails. Mail clients POST to the
 * `List-Unsubscribe` URL (body `List-Unsubscribe=One-Click`): that applies it. A GET — a person
 * clicking the footer link, or a link scanner fetching every URL of a message — only shows what
 * the link would do, with a button that POSTs: nothing changes on a GET.
 */
export function unsubscribeRoutes(deps: ContextDeps, logger: Logger): Router {
  const router = Router();
  const policy = formPagePolicy(UNSUBSCRIBE_STYLESHEET);
  const lang = (req: Request): Locale => pageLocale(req, "it");
  const token = (req: Request) => (typeof req.query.token === "string" ? req.query.token : undefined);
  const noStore = (res: Response) => res.set("Cache-Control", "no-store");

  router.get("/unsubscribe", policy, (req, res) => {
    noStore(res);
    const given = token(req);
    const what = deps.services.unsubscribe.read(given);
    if (!what || !given)
      return res
        .status(400)
        .type("html")
        .send(invalidPage(lang(req)));
    return res.type("html").send(confirmPage(lang(req), what, given));
  });

  router.post("/unsubscribe", policy, async (req, res) => {
    noStore(res);
    try {
      const outcome = await deps.services.unsubscribe.apply(token(req));
      if (!outcome)
        return res
          .status(400)
          .type("html")
          .send(invalidPage(lang(req)));
      // A mail client's POST names no language of its own (fetch sends "*"): the member's then.
      const named = /\b(it|en)\b/i.test(req.get("accept-language") ?? "");
      return res.type("html").send(donePage(named ? lang(req) : (outcome.locale ?? "it"), outcome.what));
    } catch (err) {
      logger.error({ err }, "unsubscribe failed");
      return res.status(500).type("text").send("Please try again.");
    }
  });
  return router;
}
