import { useMutation } from "@apollo/client/react";
import { useCallback, useEffect, useRef } from "react";
import { graphql } from "../../gql";

const markThreadReadMutation = graphql(`
  mutation MarkThreadRead($threadId: ID!) {
    markThreadRead(threadId: $threadId) {
      id
      unreadCount
    }
  }
`);

/** Moves the read marker to the end, now and whenever replies arrive while the tab is in view. */
export function useMarkRead(threadId: string, enabled: boolean) {
  const [markRead] = useMutation(markThreadReadMutation);
  const hiddenArrivals = useRef(false);
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; threadId: string } | null>(null);
  const flush = useRef((_leaving?: boolean) => {});
  flush.current = (leaving = false) => {
    if (!pending.current) return;
    clearTimeout(pending.current.timer);
    const variables = { threadId: pending.current.threadId };
    pending.current = null;
    // keepalive lets the request outlive a page that is being closed.
    const context = leaving ? { fetchOptions: { keepalive: true } } : undefined;
    void markRead({ variables, context }).catch(() => undefined);
  };

  const mark = useCallback(() => {
    if (!enabled) return;
    if (document.visibilityState !== "visible") {
      hiddenArrivals.current = true;
      return;
    }
    hiddenArrivals.current = false;
    // Replies often come in bursts: one call for the burst.
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = { timer: setTimeout(() => flush.current(), 800), threadId };
  }, [enabled, threadId]);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === "visible" && hiddenArrivals.current) mark();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [mark]);

  // Leaving the page (or closing the tab) before a burst is over still counts as having read it.
  useEffect(() => {
    const onHide = () => flush.current(true);
    window.addEventListener("pagehide", onHide);
    return () => {
      window.removeEventListener("pagehide", onHide);
      flush.current();
    };
  }, []);

  return mark;
}
