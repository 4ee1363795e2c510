import { Fragment } from "react";

/** The api marks matched words between these two private-use characters (see `search`). */
const MARK_START = "\uE000";
const MARK_END = "\uE001";

export interface SnippetPart {
  text: string;
  marked: boolean;
}

/**
 * Splits a search snippet into plain and matched runs. Unbalanced marks are tolerated: a
 * stray end mark is dropped and an unclosed start mark runs to the end of the text.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let marked = false;
  let text = "";
  const flush = () => {
    if (text) parts.push({ text, marked });
    text = "";
  };
  for (const char of snippet) {
    if (char === MARK_START) {
      flush();
      marked = true;
    } else if (char === MARK_END) {
      flush();
      marked = false;
    } else {
      text += char;
    }
  }
  flush();
  return parts;
}

/** A search snippet with its matched words in <mark>: built as elements, never parsed as HTML. */
export function Highlighted({ snippet, className }: { snippet: string; className?: string }) {
  return (
    <span className={className}>
      {snippetParts(snippet).map((part, index) =>
        // Runs have no identity of their own; their order is their key.
        part.marked ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: static runs of one string
          <mark key={index}>{part.text}</mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: static runs of one string
          <Fragment key={index}>{part.text}</Fragment>
        ),
      )}
    </span>
  );
}
