import { useMutation } from "@apollo/client/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { graphql } from "../../gql";

const sendTypingMutation = graphql(`
  mutation SendTyping($threadId: ID!) {
    sendTyping(threadId: $threadId)
  }
`);

/** How long "X is typing…" stays after the last sign of it. */
const SHOWN_MS = 5_000;
/** We tell others at most this often. */
const SEND_EVERY_MS = 3_000;

/** Who is typing in the thread right now, from the live Typing events. */
export function useTypingIndicator() {
  const [typists, setTypists] = useState<Map<string, { name: string; until: number }>>(new Map());

  // Forget each typist when their time is up.
  useEffect(() => {
    if (typists.size === 0) return;
    const next = Math.min(...[...typists.values()].map((t) => t.until));
    const timer = setTimeout(
      () => {
        const now = Date.now();
        setTypists((current) => new Map([...current].filter(([, t]) => t.until > now)));
      },
      Math.max(next - Date.now(), 0) + 50,
    );
    return () => clearTimeout(timer);
  }, [typists]);

  const started = useCallback((user: { id: string; displayName: string }) => {
    setTypists((current) => new Map(current).set(user.id, { name: user.displayName, until: Date.now() + SHOWN_MS }));
  }, []);

  /** Their reply arrived: they stopped typing. */
  const stopped = useCallback((userId: string) => {
    setTypists((current) => {
      if (!current.has(userId)) return current;
      const next = new Map(current);
      next.delete(userId);
      return next;
    });
  }, []);

  return { names: [...typists.values()].map((t) => t.name), started, stopped };
}

/** Tells the thread we are typing, at most every few seconds however fast the keys go. */
export function useSendTyping(threadId: string): () => void {
  const [send] = useMutation(sendTypingMutation, { variables: { threadId } });
  const last = useRef(0);
  return useCallback(() => {
    const now = Date.now();
    if (now - last.current < SEND_EVERY_MS) return;
    last.current = now;
    void send().catch(() => undefined);
  }, [send]);
}
