import { graphql } from "../../gql";

/** Accepting an amendment, merged or as written: the card and the merge dialog both send it. */
export const acceptAmendmentMutation = graphql(`
  mutation AcceptAmendment($input: AcceptAmendmentInput!) {
    acceptAmendment(input: $input) {
      id
      ...AmendmentView
      section {
        id
        ...SectionView
      }
    }
  }
`);
