/**
 * The thread the reader has open and in view, if any. The bell does not count a notification
 * about it: the thread page marks what arrives live as read (useMarkRead), so a reply seen
 * while the thread was open never shows as news, not even for the moment before the marker
 * reaches the server.
 */
let openThreadId: string | null = null;

export function setOpenThread(threadId: string | null): void {
  openThreadId = threadId;
}

export function isOpenThread(threadId: string | null | undefined): boolean {
  return threadId != null && threadId === openThreadId && document.visibilityState === "visible";
}
