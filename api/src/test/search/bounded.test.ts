import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { gql } from "../client.js";
import { addMember, buildCommunity, buildPost, buildThread, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";

const SEARCH = `query($q: String!, $first: Int) { search(query: $q, first: $first) {
  edges { rank snippet node { __typename ... on Post { id } ... on Thread { id } } } pageInfo { hasNextPage } } }`;

// A short timeout, so that a search made to wait shows the refusal quickly.
const server = useTestServer({ SEARCH_TIMEOUT_MS: "300" });
let member: TestUser;
beforeAll(async () => {
  member = await buildUser(server.db);
  const community = await buildCommunity(server.db, member);
  await addMember(server.db, community, member);
  const thread = await buildThread(server.db, community, member);
  await buildPost(server.db, thread, member, "Una sola giraffa nella discussione.");
  for (let i = 0; i < 60; i++) await buildPost(server.db, thread, member, `Il riuso dei materiali, intervento ${i}.`);
});

/** The statements one search sends, and its answer. */
async function measured(q: string, first = 20) {
  const start = server.statements.length;
  const res = await gql(server.url, SEARCH, { q, first }, { token: member.token });
  return { res, statements: server.statements.slice(start) };
}

describe("search does bounded work", () => {
  it("reads the stored vectors: a post's vector is kept by the database on insert and edit", async () => {
    const rows = await server.db.execute(sql`select count(*)::int as n from posts where search is null`);
    const [row] = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { n: number }[];
    expect(row?.n).toBe(0);
  });

  it("sends as many statements for 60 matches as for one", async () => {
    const rare = await measured("giraffa");
    const common = await measured("riuso");
    expect(rare.res.errors).toBeUndefined();
    expect(common.res.errors).toBeUndefined();
    expect(rare.res.data?.search.edges).toHaveLength(1);
    expect(common.res.data?.search.edges).toHaveLength(20);
    expect(common.res.data?.search.pageInfo.hasNextPage).toBe(true);
    expect(common.statements.length).toBe(rare.statements.length);
  });

  // Needs a second connection holding the lock while the search waits: PostgreSQL only.
  it.runIf(process.env.TEST_DB === "postgres")(
    "a search that runs past its timeout is QUERY_TOO_COMPLEX, and the connection is free again",
    async () => {
      let answer: Awaited<ReturnType<typeof gql>> | undefined;
      await server.db.transaction(async (tx) => {
        // Stands for a search that takes too long: it waits on this lock until the timeout.
        await tx.execute(sql`lock table posts in access exclusive mode`);
        answer = await gql(server.url, SEARCH, { q: "riuso" }, { token: member.token });
      });
      expect(answer?.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
      expect((answer?.data as { search?: unknown } | null | undefined)?.search ?? null).toBeNull();
      const again = await gql(server.url, SEARCH, { q: "riuso", first: 5 }, { token: member.token });
      expect(again.data?.search.edges).toHaveLength(5);
    },
  );
});
