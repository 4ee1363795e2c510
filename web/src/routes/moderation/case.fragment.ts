import { graphql } from "../../gql";
import type { CaseRowFragment } from "../../gql/graphql";

/** A case as a row of the queue (and of the author's and reporter's lists). */
export const caseRowFragment = graphql(`
  fragment CaseRow on ModerationCase {
    id
    state
    targetKind
    targetExcerpt
    targetPath
    reason
    reasons {
      reason
      count
    }
    weight
    threshold
    hidden
    hiddenBy
    action
    createdAt
    updatedAt
    community {
      id
      slug
      name
    }
  }
`);

export type CaseRow = CaseRowFragment;

/** The states that await a moderator: the queue's default view. */
export const AWAITING: ReadonlySet<string> = new Set(["OPEN", "APPEALED"]);
