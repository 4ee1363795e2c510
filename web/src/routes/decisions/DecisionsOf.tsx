import { useQuery } from "@apollo/client/react";
import { graphql } from "../../gql";
import { DecisionsPanel } from "./DecisionsPanel";

// Each panel reads its own decisions, so the pages it sits on keep their queries as they are.

const threadDecisionsQuery = graphql(`
  query ThreadDecisions($id: ID!) {
    thread(id: $id) {
      id
      decisions {
        ...DecisionSummary
      }
    }
  }
`);

const documentDecisionsQuery = graphql(`
  query DocumentDecisions($id: ID!) {
    deliverable(id: $id) {
      id
      decisions {
        ...DecisionSummary
      }
    }
  }
`);

const eventDecisionsQuery = graphql(`
  query EventDecisions($id: ID!) {
    event(id: $id) {
      id
      decisions {
        ...DecisionSummary
      }
    }
  }
`);

const communityDecisionsQuery = graphql(`
  query CommunityDecisions($communityId: ID!) {
    decisions(communityId: $communityId, first: 10) {
      edges {
        node {
          ...DecisionSummary
        }
      }
    }
  }
`);

/** On a thread page. `canStart`: the viewer is an active member of the thread's community. */
export function ThreadDecisions({ threadId, canStart }: { threadId: string; canStart: boolean }) {
  const { data } = useQuery(threadDecisionsQuery, { variables: { id: threadId }, fetchPolicy: "cache-and-network" });
  return (
    <DecisionsPanel
      about="THREAD"
      decisions={data?.thread?.decisions ?? []}
      startHref={canStart ? `/decisions/new?thread=${encodeURIComponent(threadId)}` : null}
    />
  );
}

/** On a document page. */
export function DocumentDecisions({ deliverableId, canStart }: { deliverableId: string; canStart: boolean }) {
  const { data } = useQuery(documentDecisionsQuery, {
    variables: { id: deliverableId },
    fetchPolicy: "cache-and-network",
  });
  return (
    <DecisionsPanel
      about="DOCUMENT"
      decisions={data?.deliverable?.decisions ?? []}
      startHref={canStart ? `/decisions/new?document=${encodeURIComponent(deliverableId)}` : null}
    />
  );
}

/**
 * On an event's page: the decisions taken there (the event's minutes link back to them). Its
 * organisers start one for the event's community, linked to the event.
 */
export function EventDecisions({ eventId, slug, canStart }: { eventId: string; slug: string; canStart: boolean }) {
  const { data } = useQuery(eventDecisionsQuery, { variables: { id: eventId }, fetchPolicy: "cache-and-network" });
  return (
    <DecisionsPanel
      about="EVENT"
      decisions={data?.event?.decisions ?? []}
      startHref={
        canStart ? `/decisions/new?community=${encodeURIComponent(slug)}&event=${encodeURIComponent(eventId)}` : null
      }
    />
  );
}

/** On a community page: its latest decisions, open ones first. */
export function CommunityDecisions({
  communityId,
  slug,
  canStart,
}: {
  communityId: string;
  slug: string;
  canStart: boolean;
}) {
  const { data } = useQuery(communityDecisionsQuery, { variables: { communityId }, fetchPolicy: "cache-and-network" });
  return (
    <DecisionsPanel
      about="COMMUNITY"
      decisions={data?.decisions.edges.map((edge) => edge.node) ?? []}
      startHref={canStart ? `/decisions/new?community=${encodeURIComponent(slug)}` : null}
    />
  );
}
