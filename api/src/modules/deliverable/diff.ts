import { diffWordsWithSpace } from "diff";

export type DiffKind = "SAME" | "ADDED" | "REMOVED";
export type DiffPart = { kind: DiffKind; text: string };

/** A word-level diff from one text to another, whitespace kept so the parts join back into either text. */
export function wordDiff(from: string, to: string): DiffPart[] {
  return diffWordsWithSpace(from, to).map((change) => ({
    kind: change.added ? "ADDED" : change.removed ? "REMOVED" : "SAME",
    text: change.value,
  }));
}
