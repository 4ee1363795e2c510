import type { IncomingMessage } from "node:http";
import { FUNDING_IMPORT_MAX_BYTES } from "@pratica/rules";
import { type Request, type Response, Router, raw } from "express";
import { DomainError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { requireImporter } from "../modules/funding-calls/funding-calls.policy.js";
import { fatal, type ImportProblem } from "../modules/funding-calls/import/problems.js";
import type { ImportFormat } from "../modules/funding-calls/import/read.js";
import { type ContextDeps, httpContext } from "./context.js";

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403 };
const CONTENT_TYPES: Record<ImportFormat, string> = { json: "application/json", csv: "text/csv" };
const FILE_NAME_MAX = 200;

const refuse = (res: Response, status: number, code: string, message: string, problems: ImportProblem[] = []) =>
  res.status(status).json({ error: { code, message, problems: problems.map(asJson) } });

const asJson = (p: ImportProblem) => ({ ...p, fatal: p.severity === "FATAL" });

/**
 * A cookie POST must come from our own pages. The declared Content-Type (application/json or
 * text/csv) is not one a plain HTML form can send, so a cross-site page would need a CORS
 * preflight we never grant; a browser's Origin, when present, must be ours besides.
 */
function sameOrigin(req: IncomingMessage, publicOrigin: string | undefined): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    const { host, origin: normalised } = new URL(origin);
    return host === req.headers.host || (publicOrigin !== undefined && normalised === new URL(publicOrigin).origin);
  } catch {
    return false;
  }
}

/** The raw body up to the limit (body-parser's own reader); null when it is larger. */
const rawBody = raw({ type: () => true, limit: FUNDING_IMPORT_MAX_BYTES });
function readBody(req: Request, res: Response): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    rawBody(req, res, (err?: unknown) => {
      if ((err as { type?: string } | undefined)?.type === "entity.too.large") resolve(null);
      else if (err) reject(err);
      else resolve(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
    });
  });
}

/**
 * `POST /admin/funding-calls/import?format=json|csv&fileName=…` (docs/hub.md, "Importing"): an
 * admin uploads an export as the raw body. 200 with the import's report; 400 when the file is
 * unreadable (nothing written); 413 over FUNDING_IMPORT_MAX_BYTES, refused before reading it.
 */
export function fundingImportRoutes(deps: ContextDeps, logger: Logger, publicOrigin: string | undefined): Router {
  const router = Router();
  router.post("/admin/funding-calls/import", async (req, res) => {
    try {
      if (!sameOrigin(req, publicOrigin)) return refuse(res, 403, "FORBIDDEN", "This request comes from another site.");
      const ctx = await httpContext(deps, req, res);
      requireImporter(ctx.viewer);
      const format = req.query.format;
      if (format !== "json" && format !== "csv") {
        return refuse(res, 400, "BAD_USER_INPUT", 'format must be "json" or "csv".');
      }
      const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
      if (type !== CONTENT_TYPES[format]) {
        return refuse(res, 415, "UNSUPPORTED_MEDIA_TYPE", `Send the file as ${CONTENT_TYPES[format]}.`);
      }
      const declared = Number(req.headers["content-length"]);
      if (Number.isFinite(declared) && declared > FUNDING_IMPORT_MAX_BYTES) {
        // Refused before reading: the rest of the body is discarded as it arrives, never held.
        req.resume();
        return refuse(res, 413, "PAYLOAD_TOO_LARGE", `The file is larger than ${FUNDING_IMPORT_MAX_BYTES} bytes.`);
      }
      const body = await readBody(req, res);
      if (!body)
        return refuse(res, 413, "PAYLOAD_TOO_LARGE", `The file is larger than ${FUNDING_IMPORT_MAX_BYTES} bytes.`);
      const named = typeof req.query.fileName === "string" ? req.query.fileName.trim().slice(0, FILE_NAME_MAX) : "";
      const outcome = await deps.services.fundingCallImporter.run({
        source: "EU_FT",
        fileName: named || `upload.${format}`,
        format,
        body,
        actorId: ctx.viewer.id,
      });
      if (!outcome.ok) {
        return refuse(
          res,
          400,
          "UNREADABLE_FILE",
          "The file could not be read: nothing was imported.",
          outcome.problems,
        );
      }
      return res.json({ import: { id: outcome.id, ...outcome.counts, problems: outcome.problems.map(asJson) } });
    } catch (err) {
      if (err instanceof DomainError) return refuse(res, STATUS[err.code] ?? 400, err.code, err.message);
      const status = (err as { extensions?: { http?: { status?: number } } }).extensions?.http?.status;
      if (status) return refuse(res, status, "UNAUTHENTICATED", "Log in again.");
      logger.error({ err }, "funding call import failed");
      return refuse(res, 500, "INTERNAL_SERVER_ERROR", "The import failed.", [fatal("The import failed.")]);
    }
  });
  return router;
}
