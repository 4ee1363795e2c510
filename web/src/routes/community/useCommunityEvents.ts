import { skipToken, useSubscription } from "@apollo/client/react";
import { useRef } from "react";
import { graphql } from "../../gql";
import type { ThreadSummaryFragment } from "../../gql/graphql";

const communityEventsSubscription = graphql(`
  subscription CommunityEvents($communityId: ID!) {
    communityEvents(communityId: $communityId) {
      __typename
      ... on ThreadCreated {
        thread {
          ...ThreadSummary
        }
      }
      ... on ThreadUpdated {
        thread {
          ...ThreadSummary
        }
      }
    }
  }
`);

/**
 * New and changed threads of a community, live. Threads on screen change in place through the
 * cache (they are normalised by id); the handler hears about every event to decide the rest.
 */
export function useCommunityEvents(
  communityId: string | null,
  onEvent: (kind: "created" | "updated", thread: ThreadSummaryFragment) => void,
) {
  const latest = useRef(onEvent);
  latest.current = onEvent;
  useSubscription(
    communityEventsSubscription,
    communityId
      ? {
          variables: { communityId },
          ignoreResults: true,
          onData: ({ data }) => {
            const event = data.data?.communityEvents;
            if (!event) return;
            latest.current(event.__typename === "ThreadCreated" ? "created" : "updated", event.thread);
          },
        }
      : skipToken,
  );
}
