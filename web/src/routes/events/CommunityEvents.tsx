import { useQuery } from "@apollo/client/react";
import { graphql } from "../../gql";
import { UpcomingEvents } from "./UpcomingEvents";

const communityEventsQuery = graphql(`
  query CommunityUpcomingEvents($slug: String!) {
    community(slug: $slug) {
      id
      upcomingEvents(first: 3) {
        id
        ...EventSummary
      }
      viewerCanCreateEvent
    }
  }
`);

/** The community page's next events, in its side column; those the api lets create one get "New event". */
export function CommunityEvents({ slug }: { slug: string }) {
  const { data } = useQuery(communityEventsQuery, { variables: { slug }, fetchPolicy: "cache-and-network" });
  const community = data?.community;
  if (!community) return null;
  return (
    <UpcomingEvents
      events={community.upcomingEvents}
      headingId="community-events-title"
      newEventTo={community.viewerCanCreateEvent ? `/events/new?community=${encodeURIComponent(slug)}` : null}
    />
  );
}
