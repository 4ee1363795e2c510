import { useQuery } from "@apollo/client/react";
import { graphql } from "../../gql";
import { UpcomingEvents } from "./UpcomingEvents";

const homeEventsQuery = graphql(`
  query HomeUpcomingEvents {
    events(upcoming: true, first: 3) {
      edges {
        node {
          id
          ...EventSummary
        }
      }
    }
  }
`);

/** The home page's next three events the reader may see; nothing while loading or on error (the page stands without it). */
export function HomeEvents() {
  const { data } = useQuery(homeEventsQuery, { fetchPolicy: "cache-and-network" });
  if (!data) return null;
  return (
    <div className="container section">
      <UpcomingEvents events={data.events.edges.map((e) => e.node)} headingId="home-events-title" />
    </div>
  );
}
