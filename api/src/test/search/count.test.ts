import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { CANDIDATES } from "../../modules/search/search.page.js";
import { gql } from "../client.js";
import { addMember, buildCommunity, buildPost, buildThread, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";

const COUNT = `query($q: String!, $kinds: [SearchKind!], $communityId: ID) {
  search(query: $q, first: 2, kinds: $kinds, communityId: $communityId) {
    totalCount totalCountExact edges { node { __typename } } } }`;
type Counted = { totalCount: number; totalCountExact: boolean; edges: unknown[] };

const server = useTestServer();
let member: TestUser;
let outsider: TestUser;
let open: Awaited<ReturnType<typeof buildCommunity>>;
const MANY = CANDIDATES + 200;

beforeAll(async () => {
  member = await buildUser(server.db);
  outsider = await buildUser(server.db);
  open = await buildCommunity(server.db);
  const closed = await buildCommunity(server.db, { visibility: "MEMBERS" });
  await addMember(server.db, closed, member);
  const here = await buildThread(server.db, open, member, { title: "Zebre in città", body: "…" });
  const there = await buildThread(server.db, closed, member, { title: "Chiacchiere", body: "…" });
  for (let i = 0; i < 3; i++) await buildPost(server.db, here, member, `Una zebra, la numero ${i}.`);
  for (let i = 0; i < 2; i++) await buildPost(server.db, there, member, `Una zebra riservata, la numero ${i}.`);
  // More matches of one word than a kind ranks: the count becomes an estimate.
  await server.db.execute(sql`insert into posts (thread_id, community_id, author_id, body)
    select ${here.id}, ${open.id}, ${member.id}, 'Un elefante nel quartiere, ' || n from generate_series(1, ${MANY}) n`);
  await server.db.execute(sql`analyze posts`);
});

async function counted(q: string, token?: string, extra: Record<string, unknown> = {}): Promise<Counted> {
  const res = await gql(server.url, COUNT, { q, ...extra }, { token });
  expect(res.errors).toBeUndefined();
  return res.data?.search;
}

describe("search's totalCount", () => {
  it("counts exactly what the viewer may read, whatever the page size", async () => {
    // The thread's title holds the plural; its three posts the singular: 4 in the open community.
    expect(await counted("zebra")).toMatchObject({ totalCount: 4, totalCountExact: true });
    expect(await counted("zebra", outsider.token)).toMatchObject({ totalCount: 4, totalCountExact: true });
    const mine = await counted("zebra", member.token);
    expect(mine).toMatchObject({ totalCount: 6, totalCountExact: true });
    expect(mine.edges).toHaveLength(2);
  });

  it("counts only the kinds and the community asked for", async () => {
    expect(await counted("zebra", member.token, { kinds: ["THREAD"] })).toMatchObject({ totalCount: 1 });
    expect(await counted("zebra", member.token, { communityId: open.id })).toMatchObject({ totalCount: 4 });
    expect(await counted("giraffa")).toMatchObject({ totalCount: 0, totalCountExact: true });
  });

  it("is PostgreSQL's estimate past the cap, never below what was counted", async () => {
    const many = await counted("elefante");
    expect(many.totalCountExact).toBe(false);
    expect(many.totalCount).toBeGreaterThanOrEqual(CANDIDATES);
    // The statistics of the stored vectors know the word is in ~every post: close to the truth.
    expect(many.totalCount).toBeGreaterThan(MANY * 0.8);
    expect(many.totalCount).toBeLessThan(MANY * 1.25);
  });

  it("is not counted when not asked for", async () => {
    const before = server.statements.length;
    await gql(server.url, `{ search(query: "elefante", first: 2) { edges { rank } } }`);
    const without = server.statements.length - before;
    const mark = server.statements.length;
    await gql(server.url, `{ search(query: "elefante", first: 2) { totalCount totalCountExact edges { rank } } }`);
    const withCount = server.statements.length - mark;
    // The timeout, the counts, one estimate (posts are past the cap): once for both fields.
    expect(withCount - without).toBe(3);
  });
});
