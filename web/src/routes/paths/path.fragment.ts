import { graphql } from "../../gql";

/**
 * A learning path as its page and its editor show it. Every change to a path answers with
 * this, so the cache (and `version`, sent back as `expectedVersion`) is current after each one.
 */
export const learningPathDetailFragment = graphql(`
  fragment LearningPathDetail on LearningPath {
    id
    title
    summary
    status
    version
    publishedAt
    updatedAt
    completedCount
    steps {
      id
      position
      note
      resource {
        id
        title
        kind
        summary
      }
    }
    viewerProgress {
      done
      total
      doneStepIds
    }
    viewerCanEdit
    viewerCanTrackProgress
  }
`);

export const learningPathPageQuery = graphql(`
  query LearningPathPage($id: ID!) {
    viewer {
      id
    }
    learningPath(id: $id) {
      id
      ...LearningPathDetail
      community {
        id
        slug
        name
        color
      }
    }
  }
`);
