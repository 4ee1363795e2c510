import type { Page } from "playwright-core";

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
