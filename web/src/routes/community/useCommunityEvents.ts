import { skipToken, useSubscription } from "@apollo/client/react";
import { useRef } from "react";
import { graphql } from "../../gql";
import type { ResourceSummaryFragment, ThreadSummaryFragment } from "../../gql/graphql";

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
      ... on ResourcePublished {
        resource {
          id
          ...ResourceSummary
        }
      }
    }
  }
`);

export type CommunityEvent =
  | { kind: "threadCreated" | "threadUpdated"; thread: ThreadSummaryFragment }
  | { kind: "resourcePublished"; resource: ResourceSummaryFragment };

/**
 * What changes in a community's lists, live: new and changed threads, newly published
 * material. What is on screen changes in place through the cache (normalised by id); the
 * handler hears about every event to decide the rest.
 */
export function useCommunityEvents(communityId: string | null, onEvent: (event: CommunityEvent) => void) {
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
            if (event.__typename === "ResourcePublished") {
              latest.current({ kind: "resourcePublished", resource: event.resource });
            } else {
              const kind = event.__typename === "ThreadCreated" ? "threadCreated" : "threadUpdated";
              latest.current({ kind, thread: event.thread });
            }
          },
        }
      : skipToken,
  );
}
