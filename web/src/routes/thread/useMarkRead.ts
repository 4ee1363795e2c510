import { useMutation } from "@apollo/client/react";
import { useCallback, useEffect, useRef } from "react";
import { setOpenThread } from "../../app/openThread";
import { graphql } from "../../gql";

const markThreadReadMutation = graphql(`
  mutation MarkThreadRead($threadId: ID!) {
    markThreadRead(threadId: $threadId) {
      id
      unreadCount
    }
  }
`);

/**
 * Moves the read marker to the end, now and whenever replies arrive while the tab is in view;
 * the server reads the thread's notifications up to it. While the thread is open and in view
 * the bell does not count its notifications (app/openThread.ts).
 */
export function useMarkRead(threadId: string, enabled: boolean) {
  const [markRead] = useMutation(markThreadReadMutation);
  useEffect(() => {
    if (!enabled) return;
    setOpenThread(threadId);
    return () => setOpenThread(null);
  }, [enabled, threadId]);
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
    // The server reads the thread's notifications with the marker: the bell and the list follow.
    const refetchQueries = ["UnreadNotificationCount", "BellGroups", "NotificationGroups"];
    void markRead({ variables, context, refetchQueries }).catch(() => undefined);
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
