import { type Response, Router } from "express";
import type { Logger } from "../core/logger.js";
import { type ContextDeps, httpContext } from "./context.js";
import { refuseOverHttp } from "./http-refusal.js";

/**
 * `GET /account/export.json`: the viewer's data as a download (session cookie or Bearer token,
 * like the deliverable exports). The archive is written as it is read (account-export.service.ts).
 */
export function accountRoutes(deps: ContextDeps, logger: Logger): Router {
  const router = Router();
  router.get("/account/export.json", async (req, res) => {
    let started = false;
    try {
      const ctx = await httpContext(deps, req, res);
      const { fileName } = await ctx.services.accountExport.admit(ctx.viewer);
      const viewer = ctx.viewer;
      if (!viewer) return;
      res
        .status(200)
        .type("application/json; charset=utf-8")
        .attachment(fileName)
        .setHeader("Cache-Control", "no-store");
      started = true;
      await ctx.services.accountExport.write(viewer, (chunk) => send(res, chunk));
      res.end();
    } catch (err) {
      if (started) {
        // Half an archive must not look like a whole one: the download fails visibly.
        if (!(err instanceof ClientGone)) logger.error({ err }, "account export failed midway");
        res.destroy();
        return;
      }
      refuseOverHttp(res, err, logger, "account export failed");
    }
  });
  return router;
}

/** The reader closed the connection before the archive was whole: stop reading, nothing is wrong. */
class ClientGone extends Error {}

/** Writes a piece and waits while the socket's buffer is full, or stops if the reader left. */
async function send(res: Response, chunk: string): Promise<void> {
  if (res.destroyed) throw new ClientGone();
  if (res.write(chunk)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}
