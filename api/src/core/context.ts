import type { Loaders } from "./loaders.js";
import type { Services } from "./services.js";
import type { Viewer } from "./viewer.js";

/** Where a request comes from: rate limits key on the address. */
export type Caller = {
  address: string;
  userAgent?: string | undefined;
  /** The language the client asked for (Accept-Language), for names kept in both languages. */
  locale: Locale;
};

export type Locale = "it" | "en";

/** Sets or clears the browser's session cookie; a no-op over WebSocket, where there is no response. */
export type SessionCookie = { set: (token: string, maxAgeSeconds: number) => void; clear: () => void };

export type Context = {
  viewer: Viewer | null;
  loaders: Loaders;
  services: Services;
  caller: Caller;
  sessionCookie: SessionCookie;
  /**
   * Set while a subscription event's result is computed to be shared (server/shared-subscribe.ts):
   * a field that is not @ViewerDependent but answered, for this one value, by who asks (the text
   * of hidden content) marks it, and the result is then computed per subscriber instead.
   */
  viewerProbe?: ViewerProbe;
};

export type ViewerProbe = { usedViewer: boolean };

/** Tells a shared computation (see `viewerProbe`) that this answer depended on the viewer. */
export const answeredForViewer = (ctx: Context): void => {
  if (ctx.viewerProbe) ctx.viewerProbe.usedViewer = true;
};
