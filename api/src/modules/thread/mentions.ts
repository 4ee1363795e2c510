/** `@handle` mentions in Markdown text; code spans and blocks are skipped. */
const MENTION = /(^|[^\p{L}\p{N}_@/])@([a-z0-9][a-z0-9_-]{1,39})\b/gu;

export function mentionedHandles(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, " ").replace(/`[^`\n]*`/g, " ");
  const handles = new Set<string>();
  for (const match of prose.matchAll(MENTION)) if (match[2]) handles.add(match[2].toLowerCase());
  return [...handles].slice(0, 20);
}
