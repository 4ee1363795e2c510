import type { IncomingMessage } from "node:http";
import proxyAddr from "proxy-addr";
import type { Config } from "../config.js";

export type ClientAddress = (req: IncomingMessage) => string;

/**
 * The caller's address, as express's `req.ip`: X-Forwarded-For is followed back only through
 * the proxies `TRUST_PROXY` names. Unset, nobody is believed and the peer is the caller: a
 * header anyone can write must not choose the address the login rate limit counts against.
 */
export function clientAddressResolver(config: Pick<Config, "TRUST_PROXY">): ClientAddress {
  const trusted = proxyAddr.compile(config.TRUST_PROXY);
  return (req) => proxyAddr(req, trusted);
}
