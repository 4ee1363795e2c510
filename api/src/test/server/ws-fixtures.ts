import type { FormattedExecutionResult } from "graphql";
import type { Client } from "graphql-ws";
import { gql, wsClient } from "../client.js";
import { addMember, buildCommunity, buildThread, buildUser, type TestUser } from "../factories.js";
import { type Collector, collect } from "../live.js";
import type { TestServer } from "../server.js";

/** Shared by the WebSocket tests of this folder: people, a thread, and live subscriptions. */

export const NOTIFICATIONS = `subscription { notificationAdded { kind excerpt actor { id } } }`;
export const THREAD_EVENTS = `subscription($threadId: ID!, $after: String) { threadEvents(threadId: $threadId, after: $after) {
  __typename ... on PostAdded { post { id body } } } }`;
export type Notified = { notificationAdded: { kind: string; excerpt: string; actor: { id: string } } };
export type ThreadEvent = { threadEvents: { __typename: string; post?: { id: string; body: string } } };

/** Alice wrote a thread in which she posted once (a durable event to replay); Bob is a member too. */
export async function thread(server: Pick<TestServer, "db" | "url">) {
  const community = await buildCommunity(server.db);
  const [alice, bob] = [await buildUser(server.db), await buildUser(server.db)];
  await addMember(server.db, community, alice);
  await addMember(server.db, community, bob);
  const thread = await buildThread(server.db, community, alice);
  const first = await addPost(server, alice, thread.id, "Alice opens");
  if (first.errors) throw new Error(JSON.stringify(first.errors));
  return { community, alice, bob, thread };
}

export const addPost = (server: Pick<TestServer, "url">, user: TestUser, threadId: string, body: string) =>
  gql(
    server.url,
    `mutation($i: AddPostInput!) { addPost(input: $i) { id } }`,
    { i: { threadId, body } },
    { token: user.token },
  );

export const socketOf = (server: Pick<TestServer, "wsUrl">, user?: TestUser) =>
  wsClient(server.wsUrl, user ? { authorization: `Bearer ${user.token}` } : undefined);

/**
 * A thread subscription replaying from the start, resolved once the replay arrived: the server
 * confirms the topic before it replays, so from then on the subscription is live. Subscriptions
 * sent earlier on the same socket that do no I/O before listening (notificationAdded, on the
 * in-process bus) are live too: the socket's messages are handled in order, and the replay
 * needs a database round trip theirs do not.
 */
export async function liveProbe(client: Client, threadId: string): Promise<Collector<ThreadEvent>> {
  const probe = collect<ThreadEvent>(client, THREAD_EVENTS, { threadId, after: "0" });
  await probe.until((events) => events.length >= 1);
  return probe;
}

/** The first answer to one operation over the socket: its first result, or its errors. */
export function firstResult(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<FormattedExecutionResult> {
  return new Promise((resolve) => {
    const stop = client.subscribe(
      { query, variables },
      {
        next: (result) => {
          resolve(result as FormattedExecutionResult);
          stop();
        },
        error: (error) =>
          resolve({ errors: Array.isArray(error) ? error : [{ message: String(error) }] } as FormattedExecutionResult),
        complete: () => resolve({}),
      },
    );
  });
}

/** Resolves with the close code when the client's socket closes; `closed()` tells whether it has. */
export function closeWatch(client: Client) {
  let code: number | null = null;
  const closed = new Promise<number>((resolve) =>
    client.on("closed", (event) => {
      code = (event as { code: number }).code;
      resolve(code);
    }),
  );
  return { closed, code: () => code };
}

/** Resolves once the socket is acknowledged (connection_init handled: the session is watched). */
export const connected = (client: Client) => new Promise<void>((resolve) => client.on("connected", () => resolve()));
