import { randomUUID } from "node:crypto";
import { type Database, organizationMembers, organizations, posts, threads, type UserRow } from "@pratica/db";
import { eq, sql } from "drizzle-orm";
import type { Client } from "graphql-ws";
import { type GqlResult, gql } from "../client.js";
import { buildUser, type TestUser } from "../factories.js";

/** A new member: an account made now, not vouched for (the factories make trusted ones). */
export const buildNewMember = (db: Database, overrides: Parameters<typeof buildUser>[1] = {}): Promise<TestUser> =>
  buildUser(db, { vouchedAt: null, ...overrides });

/** An organisation, signed (or not) the memorandum, with `user` as its representative (or a plain member). */
export async function representing(
  db: Database,
  user: UserRow,
  signed: boolean,
  role: "REPRESENTATIVE" | "MEMBER" = "REPRESENTATIVE",
): Promise<void> {
  const slug = `org-${randomUUID().slice(0, 8)}`;
  const [org] = await db
    .insert(organizations)
    .values({
      slug,
      name: slug,
      category: "THIRD_SECTOR_AND_CULTURE",
      memorandumSignedOn: signed ? "2024-05-01" : null,
    })
    .returning();
  if (!org) throw new Error("organisation not created");
  await db.insert(organizationMembers).values({ organizationId: org.id, userId: user.id, role });
}

export const CREATE_THREAD = `mutation($i: CreateThreadInput!) { createThread(input: $i) { id } }`;
export const ADD_POST = `mutation($i: AddPostInput!) { addPost(input: $i) { id } }`;

/** Where a write goes: over HTTP, or as a mutation over the WebSocket (graphql-ws accepts them). */
export type Channel = { name: string; send: (query: string, variables: Record<string, unknown>) => Promise<Answer> };
export type Answer = Pick<GqlResult, "data" | "errors">;

export const overHttp = (url: string, token: string): Channel => ({
  name: "HTTP",
  send: (query, variables) => gql(url, query, variables, { token }),
});

export const overSocket = (socket: Client): Channel => ({
  name: "WebSocket",
  send: (query, variables) =>
    new Promise((resolve, reject) => {
      let answer: Answer | undefined;
      socket.subscribe(
        { query, variables },
        {
          next: (value) => {
            answer = { data: value.data as Answer["data"], errors: value.errors as Answer["errors"] };
          },
          // graphql-ws hands a refused operation's GraphQL errors as a list.
          error: (e) =>
            reject(Array.isArray(e) ? new Error(e.map((x: { message: string }) => x.message).join("; ")) : e),
          complete: () => (answer ? resolve(answer) : reject(new Error("no result"))),
        },
      );
    }),
});

export const threadInput = (communityId: string, n: number, body = "Opening words") => ({
  i: { communityId, title: `Thread number ${n}`, body, tags: [] },
});
export const postInput = (threadId: string, body: string) => ({ i: { threadId, body } });

export async function countThreadsBy(db: Database, authorId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(threads).where(eq(threads.authorId, authorId));
  return row?.n ?? 0;
}

export async function countPostsBy(db: Database, authorId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(posts).where(eq(posts.authorId, authorId));
  return row?.n ?? 0;
}
