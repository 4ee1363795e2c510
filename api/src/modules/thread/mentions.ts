import { findMentions } from "@pratica/rules";

/** At most this many people are notified from one post. */
const MAX_NOTIFIED = 20;

/** `@handle` mentions in Markdown text (the rule is @pratica/rules'); code spans and blocks are skipped. */
export function mentionedHandles(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, " ").replace(/`[^`\n]*`/g, " ");
  const handles = new Set<string>();
  for (const { handle } of findMentions(prose)) handles.add(handle.toLowerCase());
  return [...handles].slice(0, MAX_NOTIFIED);
}
