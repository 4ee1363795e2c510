import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import { OperationTypeNode } from "graphql";
import { Observable, type Subscription } from "rxjs";
import i18n from "../../i18n";
import type { createWebSocketLink } from "./webSocket";

type WebSocketLink = ReturnType<typeof createWebSocketLink>;

const reconnectListeners = new Set<() => void>();
/** The socket, once a page subscribed to something; graphql-ws is not part of the first load. */
let webSocket: WebSocketLink | undefined;
let webSocketLoading: Promise<WebSocketLink> | undefined;

function loadWebSocket(): Promise<WebSocketLink> {
  webSocketLoading ??= import("./webSocket").then(
    ({ createWebSocketLink }) => {
      webSocket = createWebSocketLink(() => {
        for (const listener of reconnectListeners) listener();
      });
      return webSocket;
    },
    (error: unknown) => {
      // A chunk that failed to load (network, a new release) is asked for again next time.
      webSocketLoading = undefined;
      throw error;
    },
  );
  return webSocketLoading;
}

/** Subscriptions go over the WebSocket, whose client is fetched with the first subscription. */
const wsLink = new ApolloLink(
  (operation) =>
    new Observable((observer) => {
      let subscription: Subscription | undefined;
      let closed = false;
      loadWebSocket().then(
        ({ link }) => {
          if (!closed) subscription = link.request(operation).subscribe(observer);
        },
        (error: unknown) => observer.error(error),
      );
      return () => {
        closed = true;
        subscription?.unsubscribe();
      };
    }),
);

// The api answers in the language the app shows (a former member's name, names kept in both
// languages), which may differ from the browser's own Accept-Language.
const httpLink = new HttpLink({
  uri: "/graphql",
  credentials: "same-origin",
  fetch: (input, init) =>
    fetch(input, {
      ...init,
      headers: { ...(init?.headers as Record<string, string>), "accept-language": i18n.language },
    }),
});

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
          notificationGroups: { ...appendOnAfter, keyArgs: ["unreadOnly"] },
          search: { ...appendOnAfter, keyArgs: ["query", "communityId", "kinds"] },
          organizations: {
            ...appendOnAfter,
            keyArgs: ["first", "category", "theme", "sdg", "communityId", "signedYear", "status", "sort", "query"],
          },
          savedResources: appendOnAfter,
          adminUsers: { ...appendOnAfter, keyArgs: ["query"] },
          adminAuditLog: { ...appendOnAfter, keyArgs: ["action", "targetId"] },
          fundingCalls: {
            ...appendOnAfter,
            keyArgs: [
              "first",
              "programme",
              "status",
              "deadlineFrom",
              "deadlineTo",
              "theme",
              "query",
              "followed",
              "sort",
            ],
          },
          fundingCallImports: appendOnAfter,
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
  // A fresh function per call, so the same listener registered twice is removed once per call.
  const entry = () => listener();
  reconnectListeners.add(entry);
  return () => {
    reconnectListeners.delete(entry);
  };
}

/**
 * Call after login, logout or registration: the cookie changed, so cached data belongs to
 * someone else and the open socket was authenticated as someone else.
 */
export async function resetSession(): Promise<void> {
  // Terminating makes graphql-ws reconnect (with the new cookie) and resubscribe. A socket not
  // created yet will open with the new cookie anyway.
  webSocket?.client.terminate();
  try {
    await apolloClient.resetStore();
  } catch {
    // Queries in flight during the reset are aborted and refetched, and a refetch that fails
    // shows its error where it is used; nothing is left for the caller to handle.
  }
}

/** The cache-first lists and pages that show community and organisation names (others ask the api on each visit). */
const NAMED_ROOT_FIELDS = ["communities", "community", "organizations", "organization"] as const;

// Names come in the language asked for: after a switch, the socket reconnects with the new
// `language` (its connectionParams) and the queries on screen are asked again. The cached answers
// of pages not on screen are dropped, so that going back to one asks again rather than showing
// names in the other language (those on screen are kept: dropping them would blank the page).
i18n.on("languageChanged", () => {
  webSocket?.client.terminate();
  const onScreen = new Set<string>();
  for (const query of apolloClient.getObservableQueries("active")) {
    for (const definition of query.query.definitions) {
      if (definition.kind !== "OperationDefinition") continue;
      for (const selection of definition.selectionSet.selections) {
        if (selection.kind === "Field") onScreen.add(selection.name.value);
      }
    }
  }
  for (const fieldName of NAMED_ROOT_FIELDS) {
    if (!onScreen.has(fieldName)) apolloClient.cache.evict({ id: "ROOT_QUERY", fieldName });
  }
  void apolloClient.refetchQueries({ include: "active" });
});
