import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../client.js";
import { communities, posts, threads, users } from "../schema/index.js";
import { threads as threadSeeds } from "./data/threads.js";

/** Demo discussions; a community that already has threads is left as it is. */
export async function seedDemoThreads(tx: Executor): Promise<number> {
  const handles = [...new Set(threadSeeds.flatMap((t) => [t.author, ...t.posts.map((p) => p.author)]))];
  const userRows = await tx
    .select({ id: users.id, handle: users.handle })
    .from(users)
    .where(inArray(users.handle, handles));
  const userId = new Map(userRows.map((u) => [u.handle, u.id]));
  const communityRows = await tx.select({ id: communities.id, slug: communities.slug }).from(communities);
  const communityId = new Map(communityRows.map((c) => [c.slug, c.id]));
  const busy = new Set(
    (await tx.selectDistinct({ communityId: threads.communityId }).from(threads)).map((r) => r.communityId),
  );

  let seeded = 0;
  const start = Date.now() - threadSeeds.length * 3_600_000;
  for (const [i, seed] of threadSeeds.entries()) {
    const cid = communityId.get(seed.community);
    const author = userId.get(seed.author);
    if (!cid || !author || busy.has(cid)) continue;
    const createdAt = new Date(start + i * 3_600_000);
    const [thread] = await tx
      .insert(threads)
      .values({
        communityId: cid,
        authorId: author,
        title: seed.title,
        body: seed.body,
        tags: seed.tags,
        pinned: seed.pinned ?? false,
        createdAt,
        lastActivityAt: createdAt,
      })
      .returning();
    if (!thread) continue;
    let previous: string | null = null;
    let at = createdAt;
    for (const p of seed.posts) {
      at = new Date(at.getTime() + 600_000);
      const postAuthor = userId.get(p.author);
      if (!postAuthor) continue;
      const [row]: { id: string }[] = await tx
        .insert(posts)
        .values({
          threadId: thread.id,
          communityId: cid,
          authorId: postAuthor,
          body: p.body,
          replyToId: p.replyToPrevious ? previous : null,
          createdAt: at,
        })
        .returning({ id: posts.id });
      previous = row?.id ?? null;
    }
    await tx
      .update(threads)
      .set({ replyCount: seed.posts.length, lastActivityAt: at })
      .where(eq(threads.id, thread.id));
    seeded++;
  }
  return seeded;
}
