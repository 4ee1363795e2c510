import { skipToken, useSubscription } from "@apollo/client/react";
import { useRef } from "react";
import { graphql } from "../../gql";

const decisionEventsSubscription = graphql(`
  subscription DecisionEvents($decisionId: ID!) {
    decisionEvents(decisionId: $decisionId) {
      __typename
    }
  }
`);

/**
 * Tells the page that a vote was cast or the decision changed. The page reads the decision again
 * rather than trusting the event's payload: what this viewer may see of the results (hidden until
 * they vote, until it closes; never who voted when anonymous) is the api's to decide per viewer.
 */
export function useDecisionEvents(decisionId: string | null, onEvent: (kind: "vote" | "change") => void) {
  const latest = useRef(onEvent);
  latest.current = onEvent;
  useSubscription(
    decisionEventsSubscription,
    decisionId
      ? {
          variables: { decisionId },
          ignoreResults: true,
          onData: ({ data }) => {
            const event = data.data?.decisionEvents;
            if (event) latest.current(event.__typename === "VoteCast" ? "vote" : "change");
          },
        }
      : skipToken,
  );
}
