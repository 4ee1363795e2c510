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
};
