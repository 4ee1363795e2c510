import { useQuery } from "@apollo/client/react";
import { graphql } from "../../gql";

// The names the filters offer, in the reader's language: themes and goals from the api (one
// vocabulary, @pratica/rules), communities because only the api knows which the reader may see.
export const partnerVocabularyQuery = graphql(`
  query PartnerVocabulary {
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
      slug
      name
    }
  }
`);

export function usePartnerVocabulary() {
  return useQuery(partnerVocabularyQuery);
}
