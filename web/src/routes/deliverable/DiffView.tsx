import { diffWordsWithSpace } from "diff";
import { useTranslation } from "react-i18next";
import type { DiffKind } from "../../gql/graphql";
import "./diff.css";

export interface DiffPart {
  kind: DiffKind;
  text: string;
}

/** A word-level diff from one text to another, computed here (the api's Section.diff does the same). */
export function wordDiff(from: string, to: string): DiffPart[] {
  return diffWordsWithSpace(from, to).map((change) => ({
    kind: change.added ? "ADDED" : change.removed ? "REMOVED" : "SAME",
    text: change.value,
  }));
}

/**
 * Word diffs of rewritten sentences alternate word by word ("~~Gli~~ I ~~avvocati~~ consulenti");
 * a space between two changes joins them, so a rewritten passage reads as what was removed,
 * then what replaced it.
 */
export function readable(parts: readonly DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let removed = "";
  let added = "";
  const flush = () => {
    if (removed) out.push({ kind: "REMOVED", text: removed });
    if (added) out.push({ kind: "ADDED", text: added });
    removed = "";
    added = "";
  };
  parts.forEach((part, index) => {
    if (part.kind === "REMOVED") removed += part.text;
    else if (part.kind === "ADDED") added += part.text;
    else {
      const next = parts[index + 1];
      const small = /^[^\S\n]+$/u.test(part.text);
      if ((removed || added) && small && next && next.kind !== "SAME") {
        removed += part.text;
        added += part.text;
      } else {
        flush();
        out.push(part);
      }
    }
  });
  flush();
  return out;
}

interface DiffViewProps {
  parts: readonly DiffPart[];
  /** Names the diff for assistive technology, e.g. "Changes from version 3 to version 4". */
  label: string;
  /** What the underlined and struck-through words mean here; the default says "added" and "removed". */
  addedLabel?: string;
  removedLabel?: string;
  /** Long unchanged runs are shortened to their ends, so the changes stand out. */
  compact?: boolean;
}

/** Unchanged text kept around a change when `compact`. */
const CONTEXT = 80;

function shorten(text: string, first: boolean, last: boolean): string {
  const head = first ? "" : text.slice(0, CONTEXT);
  const tail = last ? "" : text.slice(-CONTEXT);
  if (head.length + tail.length + 40 >= text.length) return text;
  return `${head} … ${tail}`;
}

/**
 * Changes shown in the Markdown source, words added underlined (<ins>) and removed struck
 * through (<del>), each also named in words for screen readers: never colour alone.
 */
export function DiffView({ parts: given, label, addedLabel, removedLabel, compact = false }: DiffViewProps) {
  const parts = readable(given);
  const { t } = useTranslation();
  const added = addedLabel ?? t("diff.added");
  const removed = removedLabel ?? t("diff.removed");
  const changed = parts.some((part) => part.kind !== "SAME");
  return (
    <figure className="diff">
      <figcaption className="diff__legend">
        <span className="visually-hidden">{label}. </span>
        <ins>{added}</ins> <del>{removed}</del>
      </figcaption>
      {changed ? (
        <p className="diff__text">
          {parts.map((part, index) => {
            const Tag = part.kind === "ADDED" ? "ins" : part.kind === "REMOVED" ? "del" : "span";
            const name = part.kind === "ADDED" ? added : part.kind === "REMOVED" ? removed : null;
            return (
              // A diff's parts have no identity but their place.
              // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional and never reordered
              <Tag key={index}>
                {name ? <span className="visually-hidden">[{name}: </span> : null}
                {compact && part.kind === "SAME"
                  ? shorten(part.text, index === 0, index === parts.length - 1)
                  : part.text}
                {name ? <span className="visually-hidden">]</span> : null}
              </Tag>
            );
          })}
        </p>
      ) : (
        <p className="diff__same">{t("diff.same")}</p>
      )}
    </figure>
  );
}
