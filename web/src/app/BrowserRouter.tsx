import { type ReactNode, startTransition, useLayoutEffect, useRef, useState } from "react";
import { type Location, type NavigationType, type Navigator, Router, UNSAFE_createBrowserHistory } from "react-router";

// react-router in declarative mode (`<Router>` + `<Routes>`), not its data router
// (`createBrowserRouter`): the data layer (loaders, actions, fetchers, route `lazy`) is ~17 kB
// gzip on every page's first load and the app uses none of it. Two things the data router gave
// are kept here: scroll restoration, and `preventScrollReset` on links and `setSearchParams`
// (declarative mode passes the option to the navigator and nothing reads it). Navigations run
// in a transition, as react-router's own `<BrowserRouter>` does: a lazy page's chunk loads while
// the page being left stays on screen.

const history = UNSAFE_createBrowserHistory({ v5Compat: true });

/** Scroll positions by location key, kept across reloads in the tab, as react-router's `<ScrollRestoration>` keeps them. */
const STORAGE_KEY = "react-router-scroll-positions";
const positions: Record<string, number> = readPositions();
/** Locations reached with `preventScrollReset`: the page keeps its scroll position. */
const keepScroll = new Set<string>();

const navigator: Navigator = {
  createHref: (to) => history.createHref(to),
  createURL: (to) => history.createURL(to),
  encodeLocation: (to) => history.encodeLocation(to),
  go: (delta) => history.go(delta),
  push(to, state, options) {
    history.push(to, state);
    if (options?.preventScrollReset) keepScroll.add(history.location.key);
  },
  replace(to, state, options) {
    history.replace(to, state);
    if (options?.preventScrollReset) keepScroll.add(history.location.key);
  },
};

interface RouterState {
  action: NavigationType;
  location: Location;
}

export function BrowserRouter({ children }: { children: ReactNode }) {
  const [state, setState] = useState<RouterState>({ action: history.action, location: history.location });
  const shown = useRef(state.location);

  useLayoutEffect(
    () =>
      history.listen((update) => {
        // The page being left is still the one on screen (the new one renders in a transition).
        positions[shown.current.key] = window.scrollY;
        startTransition(() => setState(update));
      }),
    [],
  );

  useLayoutEffect(() => {
    window.history.scrollRestoration = "manual";
    const save = () => {
      positions[shown.current.key] = window.scrollY;
      try {
        sessionStorage.setItem(STORAGE_KEY, JSON.stringify(positions));
      } catch {
        // Storage full or refused: positions are then kept only while the page lives.
      }
      window.history.scrollRestoration = "auto";
    };
    window.addEventListener("pagehide", save);
    return () => {
      window.removeEventListener("pagehide", save);
      window.history.scrollRestoration = "auto";
    };
  }, []);

  // After each navigation has rendered: back to where this entry was left, else to the #fragment's
  // element, else to the top (unless the navigation asked to keep the position).
  useLayoutEffect(() => {
    const { location } = state;
    shown.current = location;
    const saved = positions[location.key];
    if (typeof saved === "number") {
      window.scrollTo(0, saved);
      return;
    }
    if (location.hash) {
      let element: HTMLElement | null = null;
      try {
        element = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      } catch {
        // Not a decodable element id: nothing to scroll to.
      }
      if (element) {
        element.scrollIntoView();
        return;
      }
    }
    if (keepScroll.has(location.key)) return;
    window.scrollTo(0, 0);
  }, [state]);

  return (
    <Router location={state.location} navigationType={state.action} navigator={navigator}>
      {children}
    </Router>
  );
}

function readPositions(): Record<string, number> {
  try {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    return stored ? (JSON.parse(stored) as Record<string, number>) : {};
  } catch {
    return {};
  }
}
