import { useSubscription } from "@apollo/client/react";
import { useRef } from "react";
import { graphql } from "../../gql";
import type { CaseRow } from "./case.fragment";

const moderationQueueEventsSubscription = graphql(`
  subscription ModerationQueueEvents($communityId: ID) {
    moderationQueueEvents(communityId: $communityId) {
      __typename
      ... on CaseChanged {
        case {
          id
          ...CaseRow
        }
      }
    }
  }
`);

/**
 * Follows one queue (a community's, or every case for an admin) while the page is open. Live
 * only: the page has read the queue before, and a case heard twice is only updated.
 */
export function QueueEvents({ communityId, onCase }: { communityId: string | null; onCase: (row: CaseRow) => void }) {
  const latest = useRef(onCase);
  latest.current = onCase;
  useSubscription(moderationQueueEventsSubscription, {
    variables: { communityId },
    ignoreResults: true,
    onData: ({ data }) => {
      const event = data.data?.moderationQueueEvents;
      if (event?.__typename === "CaseChanged") latest.current(event.case);
    },
  });
  return null;
}
