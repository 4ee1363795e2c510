import { useCallback, useEffect, useState } from "react";

const PREFIX = "pratica.draft.";

function read<T>(key: string | null, empty: T): T {
  if (!key) return empty;
  try {
    const stored = localStorage.getItem(PREFIX + key);
    return stored === null ? empty : ({ ...empty, ...JSON.parse(stored) } as T);
  } catch {
    return empty;
  }
}

/**
 * Unsent text kept in localStorage under `key`, so a reload or a closed tab loses nothing.
 * `key` null keeps the draft in memory only. Call `clear` once the text was sent.
 */
export function useDraft<T extends object>(key: string | null, empty: T) {
  const [state, setState] = useState(() => ({ key, value: read(key, empty) }));
  let current = state;
  if (state.key !== key) {
    // Another thread or community: its own draft, read during render so nothing flashes.
    current = { key, value: read(key, empty) };
    setState(current);
  }

  const emptyJson = JSON.stringify(empty);
  useEffect(() => {
    if (!state.key) return;
    try {
      const json = JSON.stringify(state.value);
      if (json === emptyJson) localStorage.removeItem(PREFIX + state.key);
      else localStorage.setItem(PREFIX + state.key, json);
    } catch {
      // storage full or disabled: the draft lives as long as the page
    }
  }, [state, emptyJson]);

  const update = useCallback((patch: Partial<T>) => {
    setState((s) => ({ key: s.key, value: { ...s.value, ...patch } }));
  }, []);
  /**
   * Empties the draft once it was sent. Given what was sent, only if the draft is still that:
   * whatever was typed while it was on its way stays.
   */
  const clear = useCallback(
    (sent?: T) => {
      setState((s) =>
        sent && JSON.stringify(s.value) !== JSON.stringify(sent)
          ? s
          : { key: s.key, value: JSON.parse(emptyJson) as T },
      );
    },
    [emptyJson],
  );

  return { draft: current.value, update, clear };
}
