import { skipToken, useSubscription } from "@apollo/client/react";
import { useRef } from "react";
import { graphql } from "../../gql";

const threadUpdatesSubscription = graphql(`
  subscription ThreadUpdates($communityId: ID!) {
    communityEvents(communityId: $communityId) {
      __typename
      ... on ThreadUpdated {
        thread {
          id
          pinned
          locked
          replyCount
          lastActivityAt
          viewerCanReply
        }
      }
    }
  }
`);

type Flags = { pinned: boolean; locked: boolean };

/**
 * A facilitator's pin or lock reaches an open thread page at once: the cache (normalised by id)
 * takes the new flags and `viewerCanReply`, so the composer closes or opens in place, and
 * `onChange` hears which flag changed, to tell screen readers. Changes made while offline are not
 * replayed (community events are not); a reply to a thread locked meanwhile gets a clear error.
 */
export function useThreadUpdates(
  communityId: string | null,
  thread: ({ id: string } & Flags) | null,
  onChange: (change: Partial<Flags>) => void,
) {
  // What is on screen now; compared with each event to tell what changed.
  const shown = useRef<Flags | null>(null);
  shown.current = thread ? { pinned: thread.pinned, locked: thread.locked } : null;
  const latest = useRef(onChange);
  latest.current = onChange;

  useSubscription(
    threadUpdatesSubscription,
    communityId && thread
      ? {
          variables: { communityId },
          ignoreResults: true,
          onData: ({ data }) => {
            const event = data.data?.communityEvents;
            if (event?.__typename !== "ThreadUpdated" || event.thread.id !== thread.id) return;
            const before = shown.current;
            if (!before) return;
            const change: Partial<Flags> = {};
            if (event.thread.locked !== before.locked) change.locked = event.thread.locked;
            if (event.thread.pinned !== before.pinned) change.pinned = event.thread.pinned;
            shown.current = { pinned: event.thread.pinned, locked: event.thread.locked };
            if (Object.keys(change).length > 0) latest.current(change);
          },
        }
      : skipToken,
  );
}
