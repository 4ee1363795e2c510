import { graphql } from "../../gql";
import type { ApplicationFieldsFragment } from "../../gql/graphql";

/** Everything an applicant and an admin see of an application, contacts included (the api shows it to them only). */
export const applicationFieldsFragment = graphql(`
  fragment ApplicationFields on MembershipApplication {
    id
    status
    version
    name
    nameEn
    nameIt
    category
    descriptionEn
    descriptionIt
    website
    address
    district
    latitude
    longitude
    themes {
      key
      name
    }
    sdgs {
      number
      name
    }
    communities {
      id
      name
    }
    motivation
    contactName
    contactEmail
    contactPhone
    representativeName
    representativeEmail
    signedOn
    decisionMessage
    createdAt
    updatedAt
    decidedAt
    organization {
      id
      slug
      name
    }
    history {
      id
      fromStatus
      toStatus
      message
      createdAt
      actor {
        id
        displayName
      }
    }
    viewerCanDecide
    viewerCanEdit
    viewerCanWithdraw
  }
`);

export type Application = ApplicationFieldsFragment;
