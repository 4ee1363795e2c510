import { sessions } from "@pratica/db";
import { eq } from "drizzle-orm";
import type { Client } from "graphql-ws";
import { describe, expect, it } from "vitest";
import { LIMITS } from "../../server/limits.js";
import { errorCode, gql } from "../client.js";
import { useTestServer } from "../fixture.js";
import { type Collector, collect } from "../live.js";
import { PRODUCTION } from "../server.js";
import {
  addPost,
  closeWatch,
  firstResult,
  liveProbe,
  NOTIFICATIONS,
  type Notified,
  socketOf,
  thread,
} from "./ws-fixtures.js";

const server = useTestServer();

/**
 * Alice's socket with a live notificationAdded subscription. `stillServes()` proves afterwards
 * that the socket never closed and that subscription still receives: Bob replies to her thread.
 */
async function aliceSocket() {
  const setup = await thread(server);
  const client = socketOf(server, setup.alice);
  const watch = closeWatch(client);
  const notes: Collector<Notified> = collect<Notified>(client, NOTIFICATIONS);
  const probe = await liveProbe(client, setup.thread.id);
  return {
    ...setup,
    client,
    /** `others`: subscriptions of Alice's on this socket that must receive the reply too. */
    async stillServes(...others: Collector<Record<string, unknown>>[]) {
      await addPost(server, setup.bob, setup.thread.id, "Still there?");
      const data = await notes.until((d) => d.length >= 1);
      expect(data[0]?.notificationAdded.excerpt).toBe("Still there?");
      for (const other of others) await other.until((d) => d.length >= 1);
      expect(notes.ended()).toBe(false);
      expect(watch.code()).toBeNull();
      notes.stop();
      probe.stop();
      await client.dispose();
    },
  };
}

// viewer → communities → community → members → edges → node → community → members → … : the
// shape that took 57 s and 1.8 GB over the socket, seven members→community levels deep.
const membersDeep = (levels: number) => {
  let inner = "id";
  for (let i = 0; i < levels; i++) inner = `community { members(first: 100) { edges { node { ${inner} } } } }`;
  return inner;
};

describe("operations over the WebSocket are held to the HTTP rules", () => {
  it("answers a query and a mutation with BAD_USER_INPUT, running neither, and the socket carries on", async () => {
    const alice = await aliceSocket();
    const query = await firstResult(alice.client, `{ viewer { id } }`);
    expect(errorCode(query)).toBe("BAD_USER_INPUT");
    expect(query.errors?.[0]?.message).toMatch(/subscriptions only.*HTTP POST \/graphql/);
    expect(query.data).toBeUndefined();

    const mutation = await firstResult(alice.client, `mutation { logout }`);
    expect(errorCode(mutation)).toBe("BAD_USER_INPUT");
    expect(mutation.errors?.[0]?.message).toMatch(/HTTP POST \/graphql/);
    // A refused write changes nothing: the session is not revoked.
    const [session] = await server.db.select().from(sessions).where(eq(sessions.userId, alice.alice.id));
    expect(session?.revokedAt).toBeNull();
    expect((await gql(server.url, `{ viewer { id } }`, {}, { token: alice.alice.token })).data?.viewer.id).toBe(
      alice.alice.id,
    );
    await alice.stillServes();
  });

  it("answers a syntax error, an unknown field and bad variables with BAD_USER_INPUT, for that operation only", async () => {
    const alice = await aliceSocket();
    for (const [query, variables] of [
      [`subscription { notificationAdded { `, {}],
      [`subscription { notificationAdded { nope } }`, {}],
      [`subscription($t: ID!) { threadEvents(threadId: $t) { __typename } }`, {}],
      [`subscription($t: ID!) { threadEvents(threadId: $t) { __typename } }`, { t: { not: "an id" } }],
      [`subscription A { notificationAdded { id } } subscription B { notificationAdded { id } }`, {}],
    ] as const) {
      const result = await firstResult(alice.client, query, variables);
      expect(errorCode(result), query).toBe("BAD_USER_INPUT");
    }
    await alice.stillServes();
  });

  it(`refuses the deep members→community query and a subscription deeper than ${LIMITS.depth} with QUERY_TOO_COMPLEX`, async () => {
    const alice = await aliceSocket();
    const query = await firstResult(alice.client, `{ viewer { communities { ${membersDeep(7)} } } }`);
    expect(errorCode(query)).toBe("QUERY_TOO_COMPLEX");
    expect(query.errors?.[0]?.message).toMatch(/depth/i);
    const subscription = await firstResult(alice.client, `subscription { notificationAdded { ${membersDeep(3)} } }`);
    expect(errorCode(subscription)).toBe("QUERY_TOO_COMPLEX");
    expect(subscription.errors?.[0]?.message).toMatch(/depth/i);
    await alice.stillServes();
  });

  it(`refuses more than ${LIMITS.aliases} aliases with QUERY_TOO_COMPLEX`, async () => {
    const alice = await aliceSocket();
    const aliases = Array.from({ length: LIMITS.aliases + 1 }, (_, i) => `a${i}: id`).join(" ");
    const result = await firstResult(alice.client, `subscription { notificationAdded { ${aliases} } }`);
    expect(errorCode(result)).toBe("QUERY_TOO_COMPLEX");
    expect(result.errors?.[0]?.message).toMatch(/alias/i);
    await alice.stillServes();
  });

  it(`refuses a subscription costing more than ${LIMITS.cost}, counting \`first\` from the variables`, async () => {
    const alice = await aliceSocket();
    const page = (alias: string) =>
      `${alias}: members(first: $n) { edges { cursor node { id role status createdAt user { id displayName bio } } } }`;
    const costly = `subscription($n: Int) { notificationAdded { community { ${["a", "b", "c", "d"].map(page).join(" ")} } } }`;
    const refused = await firstResult(alice.client, costly, { n: 100 });
    expect(errorCode(refused)).toBe("QUERY_TOO_COMPLEX");
    expect(refused.errors?.[0]?.message).toMatch(/cost/i);
    // The same document with a small page is within the limit: accepted, so it stays open.
    const cheap = collect(alice.client, costly, { n: 2 });
    await alice.stillServes(cheap);
    expect(cheap.results[0]?.errors).toBeUndefined();
  });

  it(`caps the subscriptions open on one socket at ${LIMITS.subscriptionsPerSocket}; completing one frees a slot`, async () => {
    const alice = await aliceSocket(); // a notificationAdded subscription and the probe: 2 open
    const more = Array.from({ length: LIMITS.subscriptionsPerSocket - 2 }, () => collect(alice.client, NOTIFICATIONS));
    // An operation that, once accepted, ends at once with NOT_FOUND: which answer it gets tells
    // whether it passed the cap.
    const missing = `subscription { threadEvents(threadId: "00000000-0000-4000-8000-000000000000") { __typename } }`;
    const refused = await firstResult(alice.client, missing);
    expect(errorCode(refused)).toBe("QUERY_TOO_COMPLEX");
    expect(refused.errors?.[0]?.message).toMatch(/at most 100 subscriptions/i);

    more[0]?.stop();
    expect(errorCode(await firstResult(alice.client, missing))).toBe("NOT_FOUND");
    await alice.stillServes(...more.slice(1));
    for (const sub of more) sub.stop();
  });
});

describe("in production", () => {
  const prod = useTestServer(PRODUCTION);

  it("refuses introspection over the socket, and gives no schema hints", async () => {
    const client: Client = socketOf(prod);
    const introspection = await firstResult(client, `{ __schema { queryType { name } } }`);
    expect(errorCode(introspection)).toBe("BAD_USER_INPUT");
    expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
    expect(introspection.data).toBeUndefined();
    const typo = await firstResult(client, `subscription { notificationAdde { id } }`);
    expect(errorCode(typo)).toBe("BAD_USER_INPUT");
    expect(typo.errors?.[0]?.message).not.toMatch(/did you mean/i);
    await client.dispose();
  });
});
