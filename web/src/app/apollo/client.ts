import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import { OperationTypeNode } from "graphql";
import { createClient } from "graphql-ws";

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

// The session is an HttpOnly cookie, which the WebSocket upgrade carries on the same origin;
// no token ever lives in JavaScript.
export const wsClient = createClient({
  url: webSocketUrl(),
  lazy: true,
  retryAttempts: Number.POSITIVE_INFINITY,
  shouldRetry: () => true,
  retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelay(retries))),
});

const httpLink = new HttpLink({ uri: "/graphql", credentials: "same-origin" });
const wsLink = new GraphQLWsLink(wsClient);

const link = ApolloLink.split(
  ({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION,
  wsLink,
  httpLink,
);

/** Relay connections whose pages are appended when `after` is given and replaced otherwise. */
const appendOnAfter = {
  keyArgs: false as const,
  merge(
    existing: { edges?: unknown[] } | undefined,
    incoming: { edges?: unknown[] },
    { args }: { args: Record<string, unknown> | null },
  ) {
    if (!existing || !args?.after) return incoming;
    // Fields a later page does not ask for (search's totalCount) stay as the first page had them.
    return { ...existing, ...incoming, edges: [...(existing.edges ?? []), ...(incoming.edges ?? [])] };
  },
};

type Edge = { cursor: string };

/**
 * A thread's posts: pages and live posts meet in one list, so merging keeps one edge per
 * cursor, in cursor order (post cursors are sequence numbers). A replayed event or a page that
 * overlaps a live post then changes nothing.
 */
const postsInOrder = {
  keyArgs: false as const,
  merge(
    existing: { edges?: Edge[] } | undefined,
    incoming: { edges?: Edge[] },
    { args }: { args: Record<string, unknown> | null },
  ) {
    if (!existing || !args?.after) return incoming;
    const byCursor = new Map<string, Edge>();
    for (const edge of [...(existing.edges ?? []), ...(incoming.edges ?? [])]) byCursor.set(edge.cursor, edge);
    const edges = [...byCursor.values()].sort((a, b) => Number(a.cursor) - Number(b.cursor));
    return { ...incoming, edges };
  },
};

export const apolloClient = new ApolloClient({
  link,
  cache: new InMemoryCache({
    typePolicies: {
      Community: {
        fields: {
          members: appendOnAfter,
          pendingMembers: appendOnAfter,
          deliverables: appendOnAfter,
          threads: { ...appendOnAfter, keyArgs: ["sort", "tag"] },
          resources: { ...appendOnAfter, keyArgs: ["first", "kind", "language", "tag", "status", "sort"] },
        },
      },
      Deliverable: {
        fields: {
          // Who is here has no id of its own: the newest list replaces the old one.
          presence: { merge: false },
        },
      },
      Amendment: {
        fields: {
          diff: { merge: false },
          currentDiff: { merge: false },
        },
      },
      LearningPath: {
        fields: {
          // The viewer's progress has no id of its own: a new one replaces the old field by field.
          viewerProgress: { merge: true },
        },
      },
      Thread: {
        fields: {
          posts: postsInOrder,
        },
      },
      Query: {
        fields: {
          notifications: { ...appendOnAfter, keyArgs: ["unreadOnly"] },
          search: { ...appendOnAfter, keyArgs: ["query", "communityId", "kinds"] },
          savedResources: appendOnAfter,
        },
      },
    },
  }),
});

/**
 * Calls `listener` whenever the WebSocket is connected again after it was lost (a laptop that
 * slept, a restarted server). graphql-ws resubscribes by itself, but with the variables it
 * started with; subscriptions that resume from a cursor use this to resubscribe from the latest
 * one. Returns the unsubscribe function.
 */
export function onReconnect(listener: () => void): () => void {
  return wsClient.on("connected", (_socket, _payload, wasRetry) => {
    if (wasRetry) listener();
  });
}

/**
 * Call after login, logout or registration: the cookie changed, so cached data belongs to
 * someone else and the open socket was authenticated as someone else.
 */
export async function resetSession(): Promise<void> {
  // Terminating makes graphql-ws reconnect (with the new cookie) and resubscribe.
  wsClient.terminate();
  try {
    await apolloClient.resetStore();
  } catch {
    // Queries in flight during the reset are aborted and refetched, and a refetch that fails
    // shows its error where it is used; nothing is left for the caller to handle.
  }
}
