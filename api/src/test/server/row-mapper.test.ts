import { communities, type Database, posts, reactions, threads, users } from "@pratica/db";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anyId, perDatabase } from "../../core/loader.js";
import { installRowMapper } from "../../core/row-mapper.js";
import { shownUserColumns } from "../../modules/identity/user.columns.js";
import { freshDatabase } from "../database.js";
import { addMember, buildCommunity, buildPost, buildThread, buildUser } from "../factories.js";

let handle: Awaited<ReturnType<typeof freshDatabase>>;
let db: Database;
beforeAll(async () => {
  handle = await freshDatabase();
  db = handle.db;
});
afterAll(() => handle?.drop());

// The same selects twice: prepared through perDatabase (compiled mapper) and plain (drizzle's own).
const selects = (d: Database) => ({
  users: d.select().from(users).where(anyId(users.id)),
  posts: d.select().from(posts).where(anyId(posts.id)),
  threads: d.select().from(threads).where(anyId(threads.id)),
  communities: d.select().from(communities).where(anyId(communities.id)),
  reactions: d
    .select({
      postId: reactions.postId,
      kind: reactions.kind,
      count: sql<number>`count(*)::int`,
      userIds: sql<string[]>`array_agg(${reactions.userId})`,
    })
    .from(reactions)
    .where(anyId(reactions.postId))
    .groupBy(reactions.postId, reactions.kind),
  postsWithAuthors: d
    .select({ post: posts, author: shownUserColumns, count: sql<number>`1::int` })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(anyId(posts.id)),
});
const prepared = perDatabase((d: Database) => {
  const s = selects(d);
  return {
    users: s.users.prepare("t_users"),
    posts: s.posts.prepare("t_posts"),
    threads: s.threads.prepare("t_threads"),
    communities: s.communities.prepare("t_communities"),
    reactions: s.reactions.prepare("t_reactions"),
    postsWithAuthors: s.postsWithAuthors.prepare("t_posts_with_authors"),
  };
});

describe("compiled row mapper", () => {
  it("is installed on the prepared selects of perDatabase (else the drizzle version changed its internals)", () => {
    const q = prepared(db);
    for (const query of Object.values(q)) {
      expect((query as unknown as { customResultMapper?: unknown }).customResultMapper).toBeTypeOf("function");
    }
    // Installing twice is refused: it is already there.
    expect(installRowMapper(q.users)).toBe(false);
  });

  it("leaves a left join to drizzle, which turns an all-null side into null", () => {
    const left = db
      .select({ post: posts, author: shownUserColumns })
      .from(posts)
      .leftJoin(users, eq(users.id, posts.authorId))
      .where(anyId(posts.id))
      .prepare("t_left");
    expect(installRowMapper(left)).toBe(false);
  });

  it("builds the same rows as drizzle: keys, order, types, nulls, dates, aggregates", async () => {
    const community = await buildCommunity(db);
    const [alice, bob] = [await buildUser(db), await buildUser(db, { bio: null })];
    await addMember(db, community, alice);
    const thread = await buildThread(db, community, alice);
    const first = await buildPost(db, thread, alice, "first");
    const second = await buildPost(db, thread, bob, "second");
    await db
      .update(posts)
      .set({ editedAt: new Date("2026-01-02T03:04:05.678Z") })
      .where(eq(posts.id, second.id));
    await db.insert(reactions).values([
      { postId: first.id, userId: alice.id, kind: "LIKE", communityId: community.id },
      { postId: first.id, userId: bob.id, kind: "LIKE", communityId: community.id },
      { postId: first.id, userId: bob.id, kind: "HEART", communityId: community.id },
    ]);

    const plain = selects(db);
    const fast = prepared(db);
    const cases = [
      [plain.users, fast.users, [alice.id, bob.id]],
      [plain.posts, fast.posts, [first.id, second.id]],
      [plain.threads, fast.threads, [thread.id]],
      [plain.communities, fast.communities, [community.id]],
      [plain.reactions, fast.reactions, [first.id]],
      [plain.postsWithAuthors, fast.postsWithAuthors, [first.id, second.id]],
    ] as const;
    for (const [slow, compiled, ids] of cases) {
      const expected = await slow.execute({ ids } as never);
      const actual = await compiled.execute({ ids });
      const byKey = (rows: Record<string, unknown>[]) =>
        [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      expect(byKey(actual as Record<string, unknown>[])).toEqual(byKey(expected as Record<string, unknown>[]));
      expect(Object.keys(actual[0] ?? {})).toEqual(Object.keys(expected[0] ?? {}));
      expect(actual.length).toBeGreaterThan(0);
    }
    const [edited] = (await fast.posts.execute({ ids: [second.id] })) as (typeof posts.$inferSelect)[];
    expect(edited?.editedAt).toEqual(new Date("2026-01-02T03:04:05.678Z"));
    expect(edited?.deletedAt).toBeNull();
    expect(typeof edited?.seq).toBe("number");
  });
});
