import type { Page, WebSocket } from "playwright-core";

/**
 * Resolves once every CSS transition on the page has finished: after a colour-scheme or
 * viewport change, a screenshot would otherwise catch colours half-way.
 */
export async function transitionsFinished(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // Reading layout applies the new media and viewport now, which is what starts the
    // transitions; before that, getAnimations() may not list them yet.
    void document.documentElement.offsetHeight;
    const transitions = document.getAnimations().filter((animation) => animation instanceof CSSTransition);
    // A transition cancelled by a later style change rejects `finished`; it is over all the same.
    await Promise.all(transitions.map((transition) => transition.finished.catch(() => undefined)));
  });
}

/**
 * Resolves when one of the page's WebSockets sends the graphql-ws `subscribe` message for the
 * named operation. Call it before what makes the page subscribe (a navigation, a click).
 */
export function subscribeSent(page: Page, operationName: string): Promise<void> {
  return new Promise((resolve) => {
    const onSocket = (socket: WebSocket) => {
      socket.on("framesent", ({ payload }) => {
        if (!isSubscribe(String(payload), operationName)) return;
        page.off("websocket", onSocket);
        resolve();
      });
    };
    page.on("websocket", onSocket);
  });
}

function isSubscribe(message: string, operationName: string): boolean {
  try {
    const parsed = JSON.parse(message) as { type?: string; payload?: { operationName?: string } };
    return parsed.type === "subscribe" && parsed.payload?.operationName === operationName;
  } catch {
    return false;
  }
}
