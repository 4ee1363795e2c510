import { MENTION_BEING_TYPED } from "@pratica/rules";
import {
  type ChangeEvent,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import { FieldError } from "../Field";
import { Markdown } from "../Markdown";
import { type Suggestion, useMentionSuggestions } from "./useMentionSuggestions";
import "./composer.css";

/** The `@word` being typed right before the caret, if any (at least one character after `@`). */
export function mentionAt(text: string, caret: number): { start: number; prefix: string } | null {
  const match = MENTION_BEING_TYPED.exec(text.slice(0, caret));
  if (!match?.[2]) return null;
  return { start: caret - match[2].length - 1, prefix: match[2] };
}

interface ComposerProps {
  label: ReactNode;
  hint?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** Suggests members of this community after `@`. */
  communitySlug?: string | null;
  error?: string | undefined;
  /** Called on every keystroke that changes the text, e.g. to tell others someone is typing. */
  onTyping?: () => void;
  textareaRef?: Ref<HTMLTextAreaElement>;
  name?: string;
  rows?: number;
  required?: boolean;
  placeholder?: string;
  /** Shown above the text box, e.g. the post being answered. */
  before?: ReactNode;
}

type Tab = "write" | "preview";

/**
 * A Markdown text box with Write / Preview tabs and @mention suggestions. Ctrl/Cmd+Enter
 * submits the form it is in. The suggestions follow the combobox pattern on the text box:
 * arrows move through them, Enter or Tab inserts one, Escape closes them.
 */
export function Composer({
  label,
  hint,
  value,
  onChange,
  communitySlug,
  error,
  onTyping,
  textareaRef,
  name,
  rows = 5,
  required,
  placeholder,
  before,
}: ComposerProps) {
  const { t } = useTranslation();
  const id = useId();
  const textareaId = `${id}-text`;
  const listId = `${id}-mentions`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const [tab, setTab] = useState<Tab>("write");
  const [mention, setMention] = useState<{ start: number; prefix: string } | null>(null);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const ownRef = useRef<HTMLTextAreaElement>(null);
  const caretAfterInsert = useRef<number | null>(null);
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ write: null, preview: null });

  const open = mention !== null && mention.start !== dismissed;
  const suggestions = useMentionSuggestions(communitySlug, open ? mention.prefix : null);
  const listOpen = open && suggestions.length > 0;
  const activeIndex = Math.min(active, Math.max(suggestions.length - 1, 0));

  useLayoutEffect(() => {
    const caret = caretAfterInsert.current;
    if (caret === null || !ownRef.current) return;
    caretAfterInsert.current = null;
    ownRef.current.setSelectionRange(caret, caret);
  });

  function setRefs(element: HTMLTextAreaElement | null) {
    ownRef.current = element;
    if (typeof textareaRef === "function") textareaRef(element);
    else if (textareaRef) textareaRef.current = element;
  }

  function follow(text: string, caret: number) {
    const next = mentionAt(text, caret);
    if (next?.prefix !== mention?.prefix || next?.start !== mention?.start) {
      setMention(next);
      setActive(0);
    }
    if (next?.start !== dismissed) setDismissed(null);
  }

  function onInput(event: ChangeEvent<HTMLTextAreaElement>) {
    onChange(event.target.value);
    follow(event.target.value, event.target.selectionStart);
    onTyping?.();
  }

  function insert(suggestion: Suggestion) {
    if (!mention || !ownRef.current) return;
    const caret = ownRef.current.selectionStart;
    const inserted = `@${suggestion.handle} `;
    onChange(value.slice(0, mention.start) + inserted + value.slice(caret));
    caretAfterInsert.current = mention.start + inserted.length;
    setMention(null);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
      return;
    }
    if (!listOpen) return;
    const chosen = suggestions[activeIndex];
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((activeIndex + step + suggestions.length) % suggestions.length);
    } else if ((event.key === "Enter" || event.key === "Tab") && chosen && !event.shiftKey) {
      event.preventDefault();
      insert(chosen);
    } else if (event.key === "Escape") {
      // Only the list closes; a dialog or form around the composer stays.
      event.preventDefault();
      event.stopPropagation();
      setDismissed(mention?.start ?? null);
    }
  }

  function onTabKey(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight" && event.key !== "Home" && event.key !== "End") return;
    event.preventDefault();
    const next: Tab =
      event.key === "Home" ? "write" : event.key === "End" ? "preview" : tab === "write" ? "preview" : "write";
    setTab(next);
    tabRefs.current[next]?.focus();
  }

  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  const optionId = (index: number) => `${listId}-${index}`;

  return (
    <div className={`field composer${error ? " field--invalid" : ""}`}>
      <div className="composer__head">
        <label className="field__label" htmlFor={textareaId}>
          {label}
        </label>
        <div className="composer__tabs" role="tablist" aria-label={t("composer.mode")}>
          {(["write", "preview"] as const).map((which) => (
            <button
              key={which}
              ref={(element) => {
                tabRefs.current[which] = element;
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${which}`}
              aria-selected={tab === which}
              aria-controls={`${id}-panel-${which}`}
              tabIndex={tab === which ? 0 : -1}
              className="composer__tab"
              onClick={() => setTab(which)}
              onKeyDown={onTabKey}
            >
              {t(`composer.${which}`)}
            </button>
          ))}
        </div>
      </div>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {before}
      <div
        role="tabpanel"
        id={`${id}-panel-write`}
        aria-labelledby={`${id}-tab-write`}
        hidden={tab !== "write"}
        className="composer__panel"
      >
        <textarea
          ref={setRefs}
          id={textareaId}
          name={name}
          rows={rows}
          required={required}
          placeholder={placeholder}
          value={value}
          onChange={onInput}
          onKeyDown={onKeyDown}
          onSelect={(event) => follow(event.currentTarget.value, event.currentTarget.selectionStart)}
          onBlur={() => setMention(null)}
          className="field__control composer__text"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          aria-autocomplete={communitySlug ? "list" : undefined}
          aria-controls={listOpen ? listId : undefined}
          aria-activedescendant={listOpen ? optionId(activeIndex) : undefined}
        />
        {listOpen ? (
          <div className="composer__mentions" role="listbox" id={listId} aria-label={t("composer.mentions")}>
            {suggestions.map((suggestion, index) => (
              // The text box keeps focus and the keyboard; a pointer picks directly.
              // biome-ignore lint/a11y/useFocusableInteractive: focus stays in the text box (aria-activedescendant)
              <div
                key={suggestion.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === activeIndex}
                className="composer__mention"
                onPointerDown={(event) => {
                  event.preventDefault();
                  insert(suggestion);
                }}
              >
                <span className="composer__mention-name">{suggestion.displayName}</span>{" "}
                <span className="composer__mention-handle">@{suggestion.handle}</span>
              </div>
            ))}
          </div>
        ) : null}
        <p className="visually-hidden" role="status">
          {listOpen ? t("composer.suggestionCount", { count: suggestions.length }) : ""}
        </p>
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel-preview`}
        aria-labelledby={`${id}-tab-preview`}
        hidden={tab !== "preview"}
        className="composer__panel composer__preview"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the tab panel pattern makes the panel reachable
        tabIndex={0}
      >
        {tab === "preview" ? (
          value.trim() ? (
            <Markdown source={value} />
          ) : (
            <p className="composer__empty">{t("composer.nothingToPreview")}</p>
          )
        ) : null}
      </div>
      <p className="composer__help">{t("composer.help")}</p>
      {error ? <FieldError id={errorId}>{error}</FieldError> : null}
    </div>
  );
}
