import type { IncomingMessage } from "node:http";
import proxyAddr from "proxy-addr";

// Behind the compose file's reverse proxy the caller's address is in X-Forwarded-For; only
// proxies on private networks are believed.
const trusted = proxyAddr.compile(["loopback", "linklocal", "uniquelocal"]);

/** The caller's address, as express's `req.ip` with the same trust setting. */
export const clientAddress = (req: IncomingMessage): string => proxyAddr(req, trusted);
