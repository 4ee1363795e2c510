import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createEventBus } from "../../core/event-bus.js";
import { SessionService } from "../../modules/identity/session.service.js";
import type { Clock } from "../../server/ws-sessions.js";
import { gql } from "../client.js";
import type { TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { collect } from "../live.js";
import type { TestServer } from "../server.js";
import {
  addPost,
  closeWatch,
  connected,
  liveProbe,
  NOTIFICATIONS,
  type Notified,
  socketOf,
  THREAD_EVENTS,
  thread,
} from "./ws-fixtures.js";

const LOGOUT = `mutation { logout }`;
const DAY_MS = 86_400_000;

/** A clock the test moves: sessions expire when it says so, not after a wait. */
class ManualClock implements Clock {
  private now = Date.now();
  private readonly timers = new Set<{ at: number; fn: () => void }>();
  at(at: number, fn: () => void) {
    const timer = { at, fn };
    if (at <= this.now) fn();
    else this.timers.add(timer);
    return () => void this.timers.delete(timer);
  }
  /** Moves the clock to `time` (epoch ms) and runs what fell due. */
  moveTo(time: number) {
    this.now = Math.max(this.now, time);
    for (const timer of [...this.timers]) {
      if (timer.at > this.now) continue;
      this.timers.delete(timer);
      timer.fn();
    }
  }
}

/** `user`'s socket with a live notificationAdded subscription; resolves once it is watched. */
async function openSocket(server: TestServer, user: TestUser, threadId: string) {
  const client = socketOf(server, user);
  const watch = closeWatch(client);
  const isConnected = connected(client);
  const notes = collect<Notified>(client, NOTIFICATIONS);
  await isConnected;
  const probe = await liveProbe(client, threadId);
  return { client, watch, notes, probe };
}

/** A second login of the same user: another session, another token. */
const anotherSession = async (server: TestServer, user: TestUser): Promise<TestUser> => ({
  ...user,
  token: (await new SessionService(server.db, 1).create(user.id, "second device")).token,
});

describe("a socket ends with its session", () => {
  const clock = new ManualClock();
  const server = useTestServer({}, undefined, { clock });

  it("logout closes the session's sockets with 4403 and ends their subscriptions; other sessions stay", async () => {
    const setup = await thread(server);
    const phone = await anotherSession(server, setup.alice);
    const laptop = await openSocket(server, setup.alice, setup.thread.id);
    const other = await openSocket(server, phone, setup.thread.id);

    expect((await gql(server.url, LOGOUT, {}, { token: setup.alice.token })).data?.logout).toBe(true);
    expect(await laptop.watch.closed).toBe(4403);
    await laptop.notes.done;
    await laptop.probe.done;

    // The other session's socket is still open and still told about replies.
    await addPost(server, setup.bob, setup.thread.id, "After the logout");
    await other.notes.until((d) => d.length >= 1);
    expect(other.notes.data[0]?.notificationAdded.excerpt).toBe("After the logout");
    expect(other.watch.code()).toBeNull();
    expect(laptop.notes.data).toHaveLength(0);
    other.notes.stop();
    other.probe.stop();
    await Promise.all([laptop.client.dispose(), other.client.dispose()]);
  });

  it("closes the socket with 4403 when its session expires", async () => {
    const setup = await thread(server);
    const socket = await openSocket(server, setup.alice, setup.thread.id);
    clock.moveTo(Date.now() + DAY_MS / 2); // factories' sessions last one day
    // Half-way through, the socket is open and told about replies.
    await addPost(server, setup.bob, setup.thread.id, "Half a day later");
    await socket.notes.until((d) => d.length >= 1);
    expect(socket.watch.code()).toBeNull();
    clock.moveTo(Date.now() + DAY_MS + 1_000);
    expect(await socket.watch.closed).toBe(4403);
    await socket.notes.done;
    await socket.client.dispose();
  });

  it("refuses a revoked session's token at connection_init", async () => {
    const setup = await thread(server);
    await gql(server.url, LOGOUT, {}, { token: setup.alice.token });
    const client = socketOf(server, setup.alice);
    const watch = closeWatch(client);
    collect(client, NOTIFICATIONS);
    expect(await watch.closed).toBe(4403);
    await client.dispose();
  });
});

// Without TEST_REDIS_URL this part is skipped, loudly (as thread/many-instances.test.ts).
const redisUrl = process.env.TEST_REDIS_URL;
if (!redisUrl) console.warn("TEST_REDIS_URL is not set: skipping the two-instance (Redis) session tests");

describe.skipIf(!redisUrl)("two api instances sharing Redis", () => {
  let redis: Redis;
  /** Counts the operations named `s<n>` (the test's own) that B finished; resolves waits for a count. */
  const ended = (() => {
    let count = 0;
    const waits: { at: number; resolve: () => void }[] = [];
    return {
      add(id: string) {
        if (!/^s\d+$/.test(id)) return;
        count++;
        for (const w of waits.filter((w) => w.at <= count)) w.resolve();
      },
      reached: (at: number) => new Promise<void>((resolve) => (at <= count ? resolve() : waits.push({ at, resolve }))),
      get count() {
        return count;
      },
    };
  })();
  const env = { REDIS_URL: redisUrl as string };
  const a = useTestServer(env);
  const b = useTestServer(env, () => a.database, { onSocketOperationEnd: (id) => ended.add(id) });
  beforeAll(() => {
    redis = new Redis(redisUrl as string);
  });
  afterAll(() => {
    redis?.disconnect();
  });

  const subscribers = async (channel: string) => {
    const [, count] = (await redis.pubsub("NUMSUB", channel)) as [string, number];
    return Number(count);
  };

  it("a logout through one instance closes the session's socket on the other with 4403", async () => {
    const setup = await thread(a);
    const socket = await openSocket(b, setup.alice, setup.thread.id);
    expect((await gql(a.url, LOGOUT, {}, { token: setup.alice.token })).data?.logout).toBe(true);
    expect(await socket.watch.closed).toBe(4403);
    await socket.notes.done;
    await socket.probe.done;
    await socket.client.dispose();
  });

  it("ready() leaves no channel behind when the subscriber left before it ran", async () => {
    const bus = createEventBus(redisUrl);
    const id = randomUUID();
    const messages = bus.subscribe("thread", id);
    void messages.next(); // the first pull attaches the listener: SUBSCRIBE
    const ready = bus.ready(`thread:${id}`);
    await messages.return(); // gone before ready's turn: UNSUBSCRIBE
    await ready;
    expect(await subscribers(`thread:${id}`)).toBe(0);
    await bus.close();
  });

  it("a socket closed while a dozen thread subscriptions are being set up leaves no Redis channel subscribed", async () => {
    const setup = await thread(a);
    const channels = [`thread:${setup.thread.id}`, `user:${setup.alice.id}`];
    const before = ended.count;
    const ws = new WebSocket(b.wsUrl, "graphql-transport-ws");
    await new Promise((resolve) => ws.once("open", resolve));
    ws.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${setup.alice.token}` } }));
    await new Promise((resolve) => ws.once("message", resolve)); // connection_ack
    for (let i = 0; i < 12; i++) {
      const payload = { query: THREAD_EVENTS, variables: { threadId: setup.thread.id } };
      ws.send(JSON.stringify({ id: `s${i}`, type: "subscribe", payload }));
    }
    ws.close(1000);
    await new Promise((resolve) => ws.once("close", resolve));

    // B finishes setting the dozen up after the close and must then close each one. Wait for
    // B to say all twelve are over, then for B's Redis connection to have sent what they left
    // (replies on one connection come in order), and only then count the channel's listeners.
    await ended.reached(before + 12);
    await b.bus.ready("");
    expect(await Promise.all(channels.map(subscribers))).toEqual([0, 0]);
  });
});
