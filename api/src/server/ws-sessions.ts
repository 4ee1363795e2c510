import { LRUCache } from "lru-cache";
import type { WebSocket } from "ws";
import type { EventBus } from "../core/event-bus.js";

/** graphql-ws's Forbidden: the client must log in again rather than reconnect as it was. */
export const SESSION_ENDED_CLOSE_CODE = 4403;

// setTimeout takes at most 2^31-1 ms (~24.8 days); a session lives up to a year.
const MAX_TIMER_MS = 2 ** 31 - 1;
// Revocations remembered, to catch one that arrives while a socket's session is being resolved.
const RECENT_REVOCATIONS = 10_000;

/** When sockets' sessions expire: the real clock, or one a test moves by hand. */
export type Clock = {
  /** Runs `fn` once `at` (epoch ms) has passed; returns a cancel function. */
  at: (at: number, fn: () => void) => () => void;
};

export const systemClock: Clock = {
  at(at, fn) {
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      const wait = at - Date.now();
      if (wait <= 0) return fn();
      timer = setTimeout(arm, Math.min(wait, MAX_TIMER_MS));
      // A socket waiting for its session to expire must not keep the process alive.
      timer.unref();
    };
    arm();
    return () => clearTimeout(timer);
  },
};

/**
 * Ends a socket when its session does: revoked on any api instance (logout publishes
 * `session` on the event bus after the revocation commits) or expired. Closing the socket
 * with 4403 ends every subscription on it, so nothing reaches a logged-out viewer.
 *
 * One bus subscription per process (not one per socket): revocations are rare and tiny, and a
 * socket's watch is then a map entry, with no Redis round trip per connection.
 */
export function watchSessions(bus: EventBus, clock: Clock) {
  const sockets = new Map<string, Set<WebSocket>>();
  // A revocation published between the database read of onConnect and `watch` finds no socket
  // yet; remembering it closes that window.
  const revoked = new LRUCache<string, true>({ max: RECENT_REVOCATIONS });
  const end = (socket: WebSocket) => socket.close(SESSION_ENDED_CLOSE_CODE, "Session ended: log in again");

  const messages = bus.subscribe("session");
  void (async () => {
    for await (const message of messages) {
      if (message.type !== "REVOKED") continue;
      revoked.set(message.sessionId, true);
      for (const socket of sockets.get(message.sessionId) ?? []) end(socket);
    }
  })().catch(() => {});

  return {
    /** Resolves once revocations published from now on reach this process (Redis confirmed). */
    ready: () => bus.ready("session"),

    watch(socket: WebSocket, sessionId: string, expiresAt: Date): void {
      if (socket.readyState !== socket.OPEN) return; // left while its session was being resolved
      if (revoked.has(sessionId)) {
        end(socket);
        return;
      }
      let group = sockets.get(sessionId);
      if (!group) {
        group = new Set();
        sockets.set(sessionId, group);
      }
      group.add(socket);
      const cancel = clock.at(expiresAt.getTime(), () => end(socket));
      socket.once("close", () => {
        cancel();
        group.delete(socket);
        if (group.size === 0 && sockets.get(sessionId) === group) sockets.delete(sessionId);
      });
    },

    close: async () => {
      await messages.return?.();
    },
  };
}

export type SessionWatch = ReturnType<typeof watchSessions>;
