import { graphql } from "../../gql";

// Everything the decision page reads, also what a live event brings back (so the cache updates in place).
export const decisionFields = graphql(`
  fragment DecisionFields on Decision {
    id
    title
    context
    kind
    electorate
    state
    opensAt
    closesAt
    openedAt
    closedAt
    quorumPercent
    quorumMiss
    extendedAt
    quorumMet
    resultsVisibility
    anonymous
    reasonRequired
    maxChoices
    dotsPerVoter
    moveDeliverableTo
    version
    community {
      id
      slug
      name
    }
    thread {
      id
      title
    }
    deliverable {
      id
      title
      status
    }
    author {
      id
      displayName
    }
    options {
      id
      label
      position
      startsAt
      endsAt
    }
    outcome
    outcomePublishedAt
    outcomeHistory {
      id
      text
      createdAt
      author {
        id
        displayName
      }
    }
    results {
      kind
      votes
      totals {
        option {
          id
        }
        count
        score
        dots
      }
      consent {
        agree
        abstain
        disagree
        block
      }
      senseCheck {
        agree
        unsure
        disagree
      }
      ranked {
        winner {
          id
        }
        rounds {
          round
          counts {
            option {
              id
            }
            count
          }
          eliminated {
            id
          }
        }
      }
    }
    votes {
      ...VoteFields
    }
    viewerVote {
      ...VoteFields
    }
    viewerVotesFor {
      id
      name
    }
    participation {
      voted
      eligible
      percent
    }
    viewerCanVote
    viewerCanEdit
    viewerCanOpen
    viewerCanClose
    viewerCanCancel
    viewerCanPublishOutcome
  }
`);

export const voteFields = graphql(`
  fragment VoteFields on Vote {
    id
    voter {
      id
      displayName
    }
    organization {
      id
      name
    }
    consent
    senseCheck
    options {
      id
    }
    ranking {
      id
    }
    scores {
      option {
        id
      }
      score
    }
    dots {
      option {
        id
      }
      dots
    }
    reason
    createdAt
    updatedAt
  }
`);
