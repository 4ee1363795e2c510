import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import helmet from "helmet";

type Directives = Record<string, string[]>;

export type SecurityHeaders = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

/**
 * The web app's policy. It loads only its own files: Vite emits no inline script or style
 * element, and React sets `style` props through the CSSOM, which CSP allows. The app's
 * Markdown shows images as links, so no remote image is ever needed.
 */
function appDirectives(publicOrigin: string | undefined, mapTileUrl: string | undefined): Directives {
  return {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "script-src-attr": ["'none'"],
    "style-src": ["'self'"],
    // The partner map's tiles, when configured (MAP_TILE_URL): the one remote image source.
    "img-src": ["'self'", "data:", ...tileOrigins(mapTileUrl)],
    // CSP3 makes 'self' cover ws:/wss: of the same host (Chromium 71, Firefox, Safari 16);
    // older Safari needs the socket's address spelled out, which only PUBLIC_ORIGIN tells.
    "connect-src": ["'self'", ...socketOrigins(publicOrigin)],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
}

/** The origin of a tile URL template; a `{s}` subdomain becomes a wildcard (https://*.tiles.example.org). */
export function tileOrigins(mapTileUrl: string | undefined): string[] {
  if (!mapTileUrl) return [];
  const match = /^(https?):\/\/([^/]+)/.exec(mapTileUrl);
  if (!match) return [];
  const host = (match[2] as string).replace(/\{s\}/g, "*");
  return /^[\w.*:-]+$/.test(host) ? [`${match[1]}://${host}`] : [];
}

function socketOrigins(publicOrigin: string | undefined): string[] {
  if (!publicOrigin) return [];
  const { protocol, host } = new URL(publicOrigin);
  return [`${protocol === "https:" ? "wss:" : "ws:"}//${host}`];
}

/**
 * The headers of every HTTP response (the web app, /graphql and its refusals, /healthz, the
 * exports): one definition, applied in front of both the GraphQL and the express paths.
 * HSTS only in production: a development server on plain http must not pin a browser to https
 * for localhost. No `upgrade-insecure-requests`: every URL of ours is relative, and the compose
 * file serves plain http on localhost by default, where upgrading would break the page.
 */
export function securityHeaders(options: {
  production: boolean;
  publicOrigin?: string | undefined;
  mapTileUrl?: string | undefined;
}): SecurityHeaders {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: appDirectives(options.publicOrigin, options.mapTileUrl) },
    strictTransportSecurity: options.production ? { maxAge: 365 * 24 * 3600, includeSubDomains: true } : false,
    // Nothing of ours reads Referer, and links out must not tell where a reader came from.
    referrerPolicy: { policy: "no-referrer" },
    // For browsers that predate frame-ancestors.
    xFrameOptions: { action: "deny" },
  });
}

/**
 * The print page of a deliverable (export-routes.ts): no script at all, its one inline
 * stylesheet allowed by hash, and no remote images, since Markdown by any co-author could
 * otherwise make every reader's browser call a server of the author's choosing.
 */
export function printPagePolicy(stylesheet: string, { frameSrc }: { frameSrc?: string[] } = {}): SecurityHeaders {
  return helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: {
      "default-src": ["'none'"],
      "style-src": [`'sha256-${createHash("sha256").update(stylesheet).digest("base64")}'`],
      "img-src": ["'self'", "data:"],
      // What the page may frame (the development mailbox's message page frames the email's HTML).
      ...(frameSrc ? { "frame-src": frameSrc } : {}),
      "base-uri": ["'none'"],
      "form-action": ["'none'"],
      "frame-ancestors": ["'none'"],
    },
  });
}

/**
 * A server-rendered page with one form posting back to us (the unsubscribe confirmation,
 * unsubscribe-routes.ts): no script, its inline stylesheet by hash, forms to our own origin only.
 */
export function formPagePolicy(stylesheet: string): SecurityHeaders {
  return helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: {
      "default-src": ["'none'"],
      "style-src": [`'sha256-${createHash("sha256").update(stylesheet).digest("base64")}'`],
      "base-uri": ["'none'"],
      "form-action": ["'self'"],
      "frame-ancestors": ["'none'"],
    },
  });
}
