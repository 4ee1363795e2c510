import { useApolloClient, useSubscription } from "@apollo/client/react";
import { useEffect, useRef, useState } from "react";
import { onReconnect } from "../../app/apollo/client";
import { graphql } from "../../gql";
import type { DeliverableEventsSubscription } from "../../gql/graphql";

const deliverableEventsSubscription = graphql(`
  subscription DeliverableEvents($deliverableId: ID!, $after: String) {
    deliverableEvents(deliverableId: $deliverableId, after: $after) {
      __typename
      ... on SectionUpdated {
        cursor
        section {
          id
          ...SectionView
        }
        revision {
          id
          version
          restoredFrom
          editor {
            id
            displayName
          }
          amendment {
            id
          }
        }
      }
      ... on SectionsReordered {
        cursor
        deliverable {
          id
          version
          sections {
            id
            ...SectionView
          }
        }
      }
      ... on StatusChanged {
        cursor
        deliverable {
          id
          ...DeliverableHead
        }
      }
      ... on DeliverableUpdated {
        cursor
        deliverable {
          id
          ...DeliverableHead
        }
      }
      ... on AmendmentProposed {
        cursor
        amendment {
          id
          ...AmendmentView
          section {
            id
            heading
            amendments {
              id
              ...AmendmentView
            }
          }
        }
      }
      ... on AmendmentDecided {
        cursor
        amendment {
          id
          ...AmendmentView
          section {
            id
            heading
            amendments {
              id
              ...AmendmentView
            }
          }
        }
      }
      ... on CommentAdded {
        cursor
        comment {
          id
          ...CommentThread
          section {
            id
            heading
            comments {
              id
              ...CommentThread
            }
          }
          amendment {
            id
            comments {
              id
              ...CommentThread
            }
          }
        }
      }
      ... on CommentResolved {
        cursor
        comment {
          id
          ...CommentThread
          resolvedBy {
            id
            displayName
          }
          section {
            id
            heading
          }
        }
      }
      ... on Endorsed {
        cursor
        endorsement {
          id
          organization {
            id
            name
          }
        }
      }
      ... on EndorsementWithdrawn {
        cursor
        endorsement {
          id
          organization {
            id
            name
          }
        }
      }
      ... on Presence {
        deliverableId
        sectionId
        active
        user {
          id
          displayName
        }
      }
    }
  }
`);

/** Signatories and what the viewer may sign: asked again when someone endorses or withdraws. */
const deliverableEndorsementsQuery = graphql(`
  query DeliverableEndorsements($id: ID!) {
    deliverable(id: $id) {
      id
      endorsements {
        id
        createdAt
        statement
        organization {
          id
          name
        }
      }
      viewerCanEndorseFor {
        id
        name
      }
      viewerCanWithdrawFor {
        id
        name
      }
    }
  }
`);

export type DeliverableEvent = DeliverableEventsSubscription["deliverableEvents"];

export interface DeliverableEventHandlers {
  /** Every event, after the cache has taken it in (sections, amendments, comments are normalised). */
  onEvent: (event: DeliverableEvent) => void;
}

/**
 * Keeps a document live. The subscription starts after `eventCursor`, the document's latest
 * event when the page was queried, so nothing between the query and the subscription is missed;
 * the cursor of every durable event is remembered and, after the WebSocket reconnects, the
 * subscription resumes from the last one. Changes update the cache by id, so a replayed event
 * changes nothing.
 */
export function useDeliverableEvents(deliverableId: string, eventCursor: string, handlers: DeliverableEventHandlers) {
  const client = useApolloClient();
  const [after, setAfter] = useState<string>(eventCursor);
  const last = useRef<string>(eventCursor);
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => onReconnect(() => setAfter(last.current)), []);

  useSubscription(deliverableEventsSubscription, {
    variables: { deliverableId, after },
    ignoreResults: true,
    onData: ({ data }) => {
      const event = data.data?.deliverableEvents;
      if (!event) return;
      if ("cursor" in event) {
        if (Number(event.cursor) <= Number(last.current)) return;
        last.current = event.cursor;
      }
      if (event.__typename === "Endorsed" || event.__typename === "EndorsementWithdrawn") {
        void client
          .query({ query: deliverableEndorsementsQuery, variables: { id: deliverableId }, fetchPolicy: "network-only" })
          .catch(() => undefined);
      }
      latest.current.onEvent(event);
    },
  });
}
