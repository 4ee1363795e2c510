import { useCallback, useEffect, useRef, useState } from "react";

const PREFIX = "pratica.draft.";

export type DraftStorage = "local" | "session";

function storageOf(kind: DraftStorage): Storage {
  return kind === "session" ? sessionStorage : localStorage;
}

function read<T>(key: string | null, empty: T, kind: DraftStorage): T {
  if (!key) return empty;
  try {
    const stored = storageOf(kind).getItem(PREFIX + key);
    return stored === null ? empty : ({ ...empty, ...JSON.parse(stored) } as T);
  } catch {
    return empty;
  }
}

/**
 * Unsent text kept in localStorage under `key`, so a reload or a closed tab loses nothing
 * (sessionStorage with `storage: "session"`: kept across reloads of this tab only).
 * `key` null keeps the draft in memory only. Call `clear` once the text was sent.
 */
export function useDraft<T extends object>(
  key: string | null,
  empty: T,
  { storage = "local" }: { storage?: DraftStorage } = {},
) {
  const [state, setState] = useState(() => ({ key, value: read(key, empty, storage) }));
  let current = state;
  if (state.key !== key) {
    // Another thread or community: its own draft, read during render so nothing flashes.
    current = { key, value: read(key, empty, storage) };
    setState(current);
  }

  const emptyJson = JSON.stringify(empty);
  useEffect(() => {
    if (!state.key) return;
    try {
      const json = JSON.stringify(state.value);
      const store = storageOf(storage);
      if (json === emptyJson) store.removeItem(PREFIX + state.key);
      else store.setItem(PREFIX + state.key, json);
    } catch {
      // storage full or disabled: the draft lives as long as the page
    }
  }, [state, emptyJson, storage]);

  const update = useCallback((patch: Partial<T>) => {
    setState((s) => ({ key: s.key, value: { ...s.value, ...patch } }));
  }, []);
  // What the last render showed: `clear` compares against it and empties storage at once, since
  // the editor it belongs to may close in the same update (and its effects would not run again).
  const latest = useRef(current);
  latest.current = current;
  /**
   * Empties the draft once it was sent. Given what was sent, only if the draft is still that:
   * whatever was typed while it was on its way stays.
   */
  const clear = useCallback(
    (sent?: T) => {
      const shown = latest.current;
      if (sent && JSON.stringify(shown.value) !== JSON.stringify(sent)) return;
      if (shown.key) {
        try {
          storageOf(storage).removeItem(PREFIX + shown.key);
        } catch {
          // storage disabled: nothing was kept
        }
      }
      setState({ key: shown.key, value: JSON.parse(emptyJson) as T });
    },
    [emptyJson, storage],
  );

  return { draft: current.value, update, clear };
}

/** Whether a draft is kept under `key`, for saying so before its editor is open. */
export function hasStoredDraft(key: string, storage: DraftStorage = "local"): boolean {
  try {
    return storageOf(storage).getItem(PREFIX + key) !== null;
  } catch {
    return false;
  }
}
