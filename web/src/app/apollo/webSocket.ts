import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import { createClient } from "graphql-ws";
import { currentLanguage } from "../../i18n";

const RETRY_CAP_MS = 30_000;

/** Exponential back-off with random jitter, so a restarted server is not hit by every tab at once. */
export function retryDelay(retries: number): number {
  const base = Math.min(RETRY_CAP_MS, 500 * 2 ** retries);
  return Math.round(base / 2 + Math.random() * (base / 2));
}

function webSocketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === "https:" ? "wss:" : "ws:"}//${host}/graphql`;
}

/**
 * The subscriptions' socket and its link. `onReconnected` runs whenever the socket is connected
 * again after it was lost.
 */
export function createWebSocketLink(onReconnected: () => void) {
  // The session is an HttpOnly cookie, which the WebSocket upgrade carries on the same origin;
  // no token ever lives in JavaScript.
  const client = createClient({
    url: webSocketUrl(),
    // Read at every (re)connection: the language the app shows, in which the api answers names
    // (communities', organisations', a former member's); client.ts reconnects on a switch.
    connectionParams: () => ({ language: currentLanguage() }),
    lazy: true,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelay(retries))),
  });
  client.on("connected", (_socket, _payload, wasRetry) => {
    if (wasRetry) onReconnected();
  });
  return { client, link: new GraphQLWsLink(client) };
}
