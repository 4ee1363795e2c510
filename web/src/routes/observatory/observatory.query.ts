import { graphql } from "../../gql";
import type { ObservatoryQuery } from "../../gql/graphql";

export const observatoryQuery = graphql(`
  query Observatory {
    observatory {
      refreshedAt
      totals {
        partners
        formerPartners
        communities
        members
        threads
        replies
        resources
        documents
        endorsements
      }
      partnersByCategory {
        category
        partners
      }
      partnersBySigningYear {
        year
        joined
        withdrawn
        total
      }
      communities {
        community {
          id
          slug
          name
        }
        members
        months {
          month
          membersJoined
          threads
          replies
          resources
          documents
          endorsements
        }
      }
      themes {
        theme {
          key
          name
        }
        partners
        communities
        activity
      }
    }
  }
`);

export type ObservatoryData = ObservatoryQuery["observatory"];
