import { skipToken, useQuery } from "@apollo/client/react";
import { useViewer } from "../../app/session";
import { graphql } from "../../gql";

const moderatedCommunitiesQuery = graphql(`
  query ModeratedCommunities {
    viewer {
      id
      communities {
        id
        role
        status
        community {
          id
          slug
          name
        }
      }
    }
  }
`);

export interface ModeratedCommunity {
  id: string;
  slug: string;
  name: string;
}

/**
 * Who moderates what: an admin moderates every community (and profiles), a facilitator their
 * own communities. The api decides each case anyway (the case policy); this only chooses what to
 * offer: the header's link, the queue page, its community filter.
 */
export function useModeration(): {
  loading: boolean;
  isAdmin: boolean;
  communities: ModeratedCommunity[];
  isModerator: boolean;
} {
  const { viewer, loading: viewerLoading } = useViewer();
  const { data, loading } = useQuery(moderatedCommunitiesQuery, viewer ? {} : skipToken);
  const isAdmin = viewer?.role === "ADMIN";
  const communities = (data?.viewer?.communities ?? [])
    .filter((m) => m.role === "FACILITATOR" && m.status === "ACTIVE")
    .map((m) => m.community);
  return {
    loading: viewerLoading || (Boolean(viewer) && loading && !data),
    isAdmin,
    communities,
    isModerator: isAdmin || communities.length > 0,
  };
}
