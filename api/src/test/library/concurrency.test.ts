import { type CommunityRow, resourceBookmarks, resources, resourceVotes } from "@pratica/db";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode, gql } from "../client.js";
import { untilSomeoneWaitsOnALock } from "../database.js";
import { addMember, buildCommunity, buildResource, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";

// A resource's writes run under its row lock and check the workflow against the state read
// under it. These races need a second connection holding the row: PostgreSQL only.

const HELPFUL = `mutation($id: ID!) { setResourceHelpful(resourceId: $id, helpful: true) { id helpfulCount } }`;
const BOOKMARK = `mutation($id: ID!) { setResourceBookmark(resourceId: $id, bookmarked: true) { id } }`;

const server = useTestServer();
let community: CommunityRow;
let proposer: TestUser;
let member: TestUser;
beforeAll(async () => {
  community = await buildCommunity(server.db);
  proposer = await buildUser(server.db);
  member = await buildUser(server.db);
  await addMember(server.db, community, proposer);
  await addMember(server.db, community, member);
});

describe.runIf(process.env.TEST_DB === "postgres")("a vote racing the resource being archived", () => {
  it("a helpful vote that waited while a facilitator archived the resource is refused (as archived material is), and nothing is stored", async () => {
    const resource = await buildResource(server.db, community, proposer, { status: "PUBLISHED" });
    let vote: ReturnType<typeof gql> | undefined;
    await server.db.transaction(async (tx) => {
      // Stands for a facilitator's decideResource(ARCHIVE) that is holding the row at that moment.
      await tx.select({ id: resources.id }).from(resources).where(eq(resources.id, resource.id)).for("update");
      vote = gql(server.url, HELPFUL, { id: resource.id }, { token: member.token });
      await untilSomeoneWaitsOnALock(tx);
      await tx.update(resources).set({ status: "ARCHIVED" }).where(eq(resources.id, resource.id));
    });
    const res = await vote;
    // As for any archived material, which members no longer see: NOT_FOUND.
    expect(errorCode(res ?? {})).toBe("NOT_FOUND");
    expect(await server.db.select().from(resourceVotes).where(eq(resourceVotes.resourceId, resource.id))).toEqual([]);
    const [row] = await server.db.select().from(resources).where(eq(resources.id, resource.id));
    expect(row?.helpfulCount).toBe(0);
  });

  it("10 votes and bookmarks racing the archiving: none lands after it commits", async () => {
    const resource = await buildResource(server.db, community, proposer, { status: "PUBLISHED" });
    const voters = await Promise.all(Array.from({ length: 5 }, () => buildUser(server.db)));
    for (const v of voters) await addMember(server.db, community, v);
    let writes: Promise<Awaited<ReturnType<typeof gql>>[]> | undefined;
    await server.db.transaction(async (tx) => {
      await tx.select({ id: resources.id }).from(resources).where(eq(resources.id, resource.id)).for("update");
      writes = Promise.all(
        voters.flatMap((v) => [
          gql(server.url, HELPFUL, { id: resource.id }, { token: v.token }),
          gql(server.url, BOOKMARK, { id: resource.id }, { token: v.token }),
        ]),
      );
      await untilSomeoneWaitsOnALock(tx);
      await tx.update(resources).set({ status: "ARCHIVED" }).where(eq(resources.id, resource.id));
    });
    expect(((await writes) ?? []).map((r) => errorCode(r))).toEqual(Array(10).fill("NOT_FOUND"));
    expect(await server.db.select().from(resourceVotes).where(eq(resourceVotes.resourceId, resource.id))).toEqual([]);
    expect(
      await server.db.select().from(resourceBookmarks).where(eq(resourceBookmarks.resourceId, resource.id)),
    ).toEqual([]);
    const [row] = await server.db.select().from(resources).where(eq(resources.id, resource.id));
    expect(row?.helpfulCount).toBe(0);
  });
});
