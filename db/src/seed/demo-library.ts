import { inArray } from "drizzle-orm";
import type { Executor } from "../client.js";
import { communities, learningPathSteps, learningPaths, resources, users } from "../schema/index.js";
import { paths as pathSeeds, resources as resourceSeeds } from "./data/library.js";

/** Demo library material and learning paths; a community whose library is not empty is left as it is. */
export async function seedDemoLibrary(tx: Executor): Promise<{ resources: number; paths: number }> {
  const handles = [...new Set(resourceSeeds.map((r) => r.proposer))];
  const userId = new Map(
    (await tx.select({ id: users.id, handle: users.handle }).from(users).where(inArray(users.handle, handles))).map(
      (u) => [u.handle, u.id],
    ),
  );
  const communityId = new Map(
    (await tx.select({ id: communities.id, slug: communities.slug }).from(communities)).map((c) => [c.slug, c.id]),
  );
  const stocked = new Set(
    (await tx.selectDistinct({ communityId: resources.communityId }).from(resources)).map((r) => r.communityId),
  );

  const created = new Map<string, { id: string; communityId: string }>();
  for (const seed of resourceSeeds) {
    const cid = communityId.get(seed.community);
    const proposer = userId.get(seed.proposer);
    if (!cid || !proposer || stocked.has(cid)) continue;
    const { community: _community, proposer: _proposer, ...fields } = seed;
    const visible = seed.status !== "PROPOSED";
    const [row] = await tx
      .insert(resources)
      .values({ ...fields, communityId: cid, proposerId: proposer, publishedAt: visible ? new Date() : null })
      .returning({ id: resources.id, communityId: resources.communityId });
    if (row) created.set(seed.title, row);
  }

  let pathCount = 0;
  for (const seed of pathSeeds) {
    const cid = communityId.get(seed.community);
    const creator = userId.get(`facilitator-${seed.community}`) ?? [...userId.values()][0];
    const steps = seed.steps.map((s) => ({ ...s, row: created.get(s.resource) })).filter((s) => s.row);
    if (!cid || !creator || steps.length === 0) continue;
    const [path] = await tx
      .insert(learningPaths)
      .values({
        communityId: cid,
        creatorId: creator,
        title: seed.title,
        summary: seed.summary,
        status: "PUBLISHED",
        publishedAt: new Date(),
      })
      .returning();
    if (!path) continue;
    await tx.insert(learningPathSteps).values(
      steps.map((s, i) => ({
        pathId: path.id,
        communityId: cid,
        resourceId: s.row?.id as string,
        position: i + 1,
        note: s.note,
      })),
    );
    pathCount++;
  }
  return { resources: created.size, paths: pathCount };
}
