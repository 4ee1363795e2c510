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
    }
    results {
      kind
      ballots
      leadingOptionId
      totals {
        optionId
        label
        count
        dots
        mean
        percent
      }
      consent {
        agree
        abstain
        disagree
        block
        passed
        blocked
      }
      senseCheck {
        agree
        unsure
        disagree
      }
      ranked {
        winnerId
        rounds {
          eliminatedId
          exhausted
          tallies {
            optionId
            votes
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
    optionIds
    ranking
    scores {
      optionId
      score
    }
    dots {
      optionId
      dots
    }
    reason
    createdAt
    updatedAt
  }
`);
