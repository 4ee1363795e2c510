import { skipToken, useApolloClient, useSubscription } from "@apollo/client/react";
import { useEffect, useRef, useState } from "react";
import { onReconnect } from "../../app/apollo/client";
import { graphql } from "../../gql";
import { type AppendResult, appendPost, type ThreadPost } from "./post.fragment";

const threadEventsSubscription = graphql(`
  subscription ThreadEvents($threadId: ID!, $after: String) {
    threadEvents(threadId: $threadId, after: $after) {
      __typename
      ... on PostAdded {
        cursor
        post {
          ...ThreadPost
        }
      }
      ... on PostEdited {
        cursor
        post {
          ...ThreadPost
        }
      }
      ... on PostDeleted {
        cursor
        post {
          ...ThreadPost
        }
      }
      ... on PostHidden {
        cursor
        post {
          ...ThreadPost
        }
      }
      ... on PostRestored {
        cursor
        post {
          ...ThreadPost
        }
      }
      ... on ReactionChanged {
        cursor
        post {
          id
          reactions {
            kind
            count
            viewerReacted
          }
        }
      }
      ... on Typing {
        threadId
        user {
          id
          displayName
        }
      }
    }
  }
`);

export interface ThreadEventHandlers {
  /** A post seen for the first time: added to the list, or waiting after pages not loaded yet. */
  onNewPost: (post: ThreadPost, result: Exclude<AppendResult, "present">) => void;
  onTyping: (user: { id: string; displayName: string }) => void;
}

/**
 * Keeps a thread live. Subscribes from `eventCursor` (from the page query), so nothing between
 * the query and the subscription is missed; remembers the last event's cursor and, after the
 * WebSocket reconnects, resubscribes from it, so nothing posted while offline is missed either.
 * Edits, deletions, reactions, and a post hidden or shown again by the moderators update the
 * cached posts in place (they are normalised by id, and each subscriber's event carries its own
 * answer: the text for the author and the moderators, none for others), so a replayed event
 * changes nothing. It follows one thread for its whole life: key its
 * component by thread.
 */
export function useThreadEvents(threadId: string, eventCursor: string | null, handlers: ThreadEventHandlers) {
  const client = useApolloClient();
  // Where the subscription starts: the page query's cursor, then after a reconnect the last one.
  const [after, setAfter] = useState(eventCursor);
  const last = useRef(eventCursor);
  const seen = useRef(new Set<string>());
  const latest = useRef(handlers);
  latest.current = handlers;

  if (after === null && eventCursor !== null) {
    setAfter(eventCursor);
    last.current = eventCursor;
  }

  useEffect(() => onReconnect(() => setAfter(last.current)), []);

  useSubscription(
    threadEventsSubscription,
    after === null
      ? skipToken
      : {
          variables: { threadId, after },
          ignoreResults: true,
          onData: ({ data }) => {
            const event = data.data?.threadEvents;
            if (!event) return;
            if (event.__typename === "Typing") {
              latest.current.onTyping(event.user);
              return;
            }
            if (Number(event.cursor) > Number(last.current ?? 0)) last.current = event.cursor;
            if (event.__typename !== "PostAdded" || seen.current.has(event.post.id)) return;
            seen.current.add(event.post.id);
            const result = appendPost(client.cache, threadId, event.post);
            if (result !== "present") latest.current.onNewPost(event.post, result);
          },
        },
  );
}
