import { applyPatch, createPatch } from "diff";

/**
 * Both people's changes in one text, when they touched different lines: the reader's changes
 * (from the text they started from to theirs) applied to the other person's text. Null when
 * the changes overlap and only a person can merge them.
 */
export function combineChanges(base: string, mine: string, theirs: string): string | null {
  if (mine === base) return theirs;
  if (theirs === base) return mine;
  const patch = createPatch("section", base, mine, "", "", { context: 1 });
  const combined = applyPatch(theirs, patch);
  return typeof combined === "string" ? combined : null;
}
