import { graphql } from "../../gql";

/** What a list shows of an event: when, where, how full. */
export const eventSummaryFragment = graphql(`
  fragment EventSummary on Event {
    id
    title
    mode
    placeName
    startsAt
    endsAt
    timeZone
    capacity
    seatsLeft
    waitlistCount
    cancelledAt
    community {
      id
      slug
      name
    }
  }
`);
