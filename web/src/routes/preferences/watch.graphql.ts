import { graphql } from "../../gql";

export const watchSettingFragment = graphql(`
  fragment WatchSettingFields on WatchSetting {
    scope
    scopeId
    level
    explicit
    source
  }
`);

export const setWatchLevelMutation = graphql(`
  mutation SetWatchLevel($input: SetWatchLevelInput!) {
    setWatchLevel(input: $input) {
      ...WatchSettingFields
    }
  }
`);

export const threadWatchQuery = graphql(`
  query ThreadWatchLevel($id: ID!) {
    thread(id: $id) {
      id
      viewerWatchLevel {
        ...WatchSettingFields
      }
    }
  }
`);

export const communityWatchQuery = graphql(`
  query CommunityWatchLevel($slug: String!) {
    community(slug: $slug) {
      id
      viewerWatchLevel {
        ...WatchSettingFields
      }
    }
  }
`);

export const deliverableWatchQuery = graphql(`
  query DeliverableWatchLevel($id: ID!) {
    deliverable(id: $id) {
      id
      viewerWatchLevel {
        ...WatchSettingFields
      }
    }
  }
`);

export const WATCH_LEVELS = ["WATCHING", "TRACKING", "NORMAL", "MUTED"] as const;
