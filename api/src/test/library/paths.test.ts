import type { CommunityRow, ResourceRow } from "@pratica/db";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode, type GqlResult, gql } from "../client.js";
import { addMember, buildCommunity, buildResource, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";

const PATH = `query($id: ID!) { learningPath(id: $id) { id title status version completedCount
  steps { id position note resource { id title } } viewerProgress { done total doneStepIds } } }`;
const CREATE = `mutation($i: CreateLearningPathInput!) { createLearningPath(input: $i) { id version status } }`;
const ADD = `mutation($i: AddPathStepInput!) { addPathStep(input: $i) { id version steps { id resource { id } } } }`;
const REORDER = `mutation($i: ReorderPathStepsInput!) { reorderPathSteps(input: $i) { version steps { id position } } }`;
const PUBLISH = `mutation($i: PublishLearningPathInput!) { publishLearningPath(input: $i) { status version } }`;
const DONE = `mutation($id: ID!, $done: Boolean!) { setStepDone(stepId: $id, done: $done) { id } }`;

const server = useTestServer();
let community: CommunityRow;
let facilitator: TestUser;
let member: TestUser;
let other: TestUser;
let resourcesInLibrary: ResourceRow[];
beforeAll(async () => {
  community = await buildCommunity(server.db);
  [facilitator, member, other] = [await buildUser(server.db), await buildUser(server.db), await buildUser(server.db)];
  await addMember(server.db, community, facilitator, "FACILITATOR");
  await addMember(server.db, community, member);
  await addMember(server.db, community, other);
  resourcesInLibrary = [];
  for (const title of ["Step one", "Step two", "Step three"]) {
    resourcesInLibrary.push(await buildResource(server.db, community, member, { title, status: "PUBLISHED" }));
  }
});

async function pathWithSteps() {
  const created = await gql(
    server.url,
    CREATE,
    { i: { communityId: community.id, title: "Getting started" } },
    { token: facilitator.token },
  );
  let path = created.data?.createLearningPath;
  for (const r of resourcesInLibrary) {
    const res: GqlResult = await gql(
      server.url,
      ADD,
      { i: { pathId: path.id, resourceId: r.id, note: `Read ${r.title}`, expectedVersion: path.version } },
      { token: facilitator.token },
    );
    path = res.data?.addPathStep;
  }
  return path as { id: string; version: number; steps: { id: string }[] };
}

describe("learning paths", () => {
  it("facilitators build, reorder and publish; members see only published paths", async () => {
    const path = await pathWithSteps();
    expect(errorCode(await gql(server.url, PATH, { id: path.id }, { token: member.token }))).toBe("NOT_FOUND");
    const [a, b, c] = path.steps.map((s) => s.id);
    const reordered = await gql(
      server.url,
      REORDER,
      { i: { pathId: path.id, stepIds: [c, a, b], expectedVersion: path.version } },
      { token: facilitator.token },
    );
    expect(reordered.data?.reorderPathSteps.steps).toEqual([
      { id: c, position: 1 },
      { id: a, position: 2 },
      { id: b, position: 3 },
    ]);
    const version = reordered.data?.reorderPathSteps.version;
    expect(
      (
        await gql(
          server.url,
          PUBLISH,
          { i: { pathId: path.id, expectedVersion: version } },
          { token: facilitator.token },
        )
      ).data?.publishLearningPath.status,
    ).toBe("PUBLISHED");
    const seen = await gql(server.url, PATH, { id: path.id }, { token: member.token });
    expect(seen.data?.learningPath.steps.map((s: { resource: { title: string } }) => s.resource.title)).toEqual([
      "Step three",
      "Step one",
      "Step two",
    ]);
  });

  it("a stale expectedVersion is a CONFLICT carrying the current version, and changes nothing", async () => {
    const path = await pathWithSteps();
    const [a, b, c] = path.steps.map((s) => s.id);
    const first = gql(
      server.url,
      REORDER,
      { i: { pathId: path.id, stepIds: [b, a, c], expectedVersion: path.version } },
      { token: facilitator.token },
    );
    const second = gql(
      server.url,
      REORDER,
      { i: { pathId: path.id, stepIds: [c, b, a], expectedVersion: path.version } },
      { token: facilitator.token },
    );
    const results = await Promise.all([first, second]);
    const won = results.filter((r) => !r.errors);
    const lost = results.filter((r) => r.errors);
    expect(won).toHaveLength(1);
    expect(errorCode(lost[0] as GqlResult)).toBe("CONFLICT");
    expect(lost[0]?.errors?.[0]?.extensions?.current).toMatchObject({ version: path.version + 1 });
    const now = await gql(server.url, PATH, { id: path.id }, { token: facilitator.token });
    expect(now.data?.learningPath.steps.map((s: { id: string }) => s.id)).toEqual(
      won[0]?.data?.reorderPathSteps.steps.map((s: { id: string }) => s.id),
    );
  });

  it("refuses a reorder that is not a permutation, an unpublished or foreign resource, and members' edits", async () => {
    const path = await pathWithSteps();
    const [a, b] = path.steps.map((s) => s.id);
    const bad = await gql(
      server.url,
      REORDER,
      { i: { pathId: path.id, stepIds: [a, b], expectedVersion: path.version } },
      { token: facilitator.token },
    );
    expect(errorCode(bad)).toBe("BAD_USER_INPUT");
    const proposed = await buildResource(server.db, community, member);
    const elsewhere = await buildResource(server.db, await buildCommunity(server.db), member, { status: "PUBLISHED" });
    expect(
      errorCode(
        await gql(
          server.url,
          ADD,
          { i: { pathId: path.id, resourceId: proposed.id, expectedVersion: path.version } },
          { token: facilitator.token },
        ),
      ),
    ).toBe("BAD_USER_INPUT");
    expect(
      errorCode(
        await gql(
          server.url,
          ADD,
          { i: { pathId: path.id, resourceId: elsewhere.id, expectedVersion: path.version } },
          { token: facilitator.token },
        ),
      ),
    ).toBe("NOT_FOUND");
    expect(
      errorCode(
        await gql(server.url, CREATE, { i: { communityId: community.id, title: "Mine" } }, { token: member.token }),
      ),
    ).toBe("FORBIDDEN");
    expect(errorCode(await gql(server.url, CREATE, { i: { communityId: community.id, title: "Mine" } }))).toBe(
      "UNAUTHENTICATED",
    );
    expect(
      errorCode(
        await gql(server.url, CREATE, { i: { communityId: community.id, title: "x" } }, { token: facilitator.token }),
      ),
    ).toBe("BAD_USER_INPUT");
  });

  it("members mark steps done, see their progress; completions are counted", async () => {
    const path = await pathWithSteps();
    await gql(
      server.url,
      PUBLISH,
      { i: { pathId: path.id, expectedVersion: path.version } },
      { token: facilitator.token },
    );
    for (const step of path.steps) await gql(server.url, DONE, { id: step.id, done: true }, { token: member.token });
    await gql(server.url, DONE, { id: path.steps[0]?.id, done: true }, { token: member.token });
    await gql(server.url, DONE, { id: path.steps[0]?.id, done: true }, { token: other.token });
    const mine = await gql(server.url, PATH, { id: path.id }, { token: member.token });
    expect(mine.data?.learningPath.viewerProgress).toMatchObject({ done: 3, total: 3 });
    expect(mine.data?.learningPath.completedCount).toBe(1);
    const theirs = await gql(server.url, PATH, { id: path.id }, { token: other.token });
    expect(theirs.data?.learningPath.viewerProgress).toMatchObject({ done: 1, total: 3 });
    await gql(server.url, DONE, { id: path.steps[1]?.id, done: false }, { token: member.token });
    expect(
      (await gql(server.url, PATH, { id: path.id }, { token: member.token })).data?.learningPath.completedCount,
    ).toBe(0);
    expect(errorCode(await gql(server.url, DONE, { id: path.steps[0]?.id, done: true }))).toBe("UNAUTHENTICATED");
  });

  it("leaves archived material out of a member's path and progress; facilitators still see it", async () => {
    const archived = await buildResource(server.db, community, facilitator, {
      title: "Soon archived",
      body: "Text that leaves the library",
      status: "PUBLISHED",
    });
    const created = await gql(
      server.url,
      CREATE,
      { i: { communityId: community.id, title: "With an archived step" } },
      { token: facilitator.token },
    );
    let path = created.data?.createLearningPath;
    for (const r of [resourcesInLibrary[0], archived, resourcesInLibrary[1]] as ResourceRow[]) {
      const res: GqlResult = await gql(
        server.url,
        ADD,
        { i: { pathId: path.id, resourceId: r.id, expectedVersion: path.version } },
        { token: facilitator.token },
      );
      path = res.data?.addPathStep;
    }
    await gql(
      server.url,
      PUBLISH,
      { i: { pathId: path.id, expectedVersion: path.version } },
      { token: facilitator.token },
    );
    const stepIds: string[] = path.steps.map((s: { id: string }) => s.id);
    for (const id of stepIds) await gql(server.url, DONE, { id, done: true }, { token: member.token });
    await gql(server.url, DONE, { id: stepIds[0], done: true }, { token: other.token });

    const archive = await gql(
      server.url,
      `mutation($i: DecideResourceInput!) { decideResource(input: $i) { status } }`,
      { i: { resourceId: archived.id, decision: "ARCHIVE" } },
      { token: facilitator.token },
    );
    expect(archive.data?.decideResource.status).toBe("ARCHIVED");

    const READ = `query($id: ID!) { learningPath(id: $id) { completedCount
      steps { id resource { id title body status } } viewerProgress { done total doneStepIds } } }`;
    const mine = await gql(server.url, READ, { id: path.id }, { token: member.token });
    expect(mine.errors).toBeUndefined();
    expect(JSON.stringify(mine)).not.toContain("leaves the library");
    expect(mine.data?.learningPath.steps.map((s: { id: string }) => s.id)).toEqual([stepIds[0], stepIds[2]]);
    expect(mine.data?.learningPath.viewerProgress).toEqual({
      done: 2,
      total: 2,
      doneStepIds: expect.arrayContaining([stepIds[0], stepIds[2]]),
    });
    expect(mine.data?.learningPath.viewerProgress.doneStepIds).toHaveLength(2);
    // The member did every step still in the path; the one who did one step did not.
    expect(mine.data?.learningPath.completedCount).toBe(1);
    const theirs = await gql(server.url, READ, { id: path.id }, { token: other.token });
    expect(theirs.data?.learningPath.viewerProgress).toMatchObject({ done: 1, total: 2 });
    // A step the member no longer sees takes no mark: not found, like its material.
    expect(errorCode(await gql(server.url, DONE, { id: stepIds[1], done: true }, { token: member.token }))).toBe(
      "NOT_FOUND",
    );

    // Curators still see archived material of their community, in place; it counts toward no one's progress.
    const curator = await gql(server.url, READ, { id: path.id }, { token: facilitator.token });
    expect(curator.errors).toBeUndefined();
    expect(curator.data?.learningPath.steps.map((s: { resource: { status: string } }) => s.resource.status)).toEqual([
      "PUBLISHED",
      "ARCHIVED",
      "PUBLISHED",
    ]);
    expect(curator.data?.learningPath.viewerProgress).toMatchObject({ done: 0, total: 2 });
    expect(errorCode(await gql(server.url, DONE, { id: stepIds[1], done: true }, { token: facilitator.token }))).toBe(
      "CONFLICT",
    );

    // Published again, it is back, with the member's earlier mark.
    await gql(
      server.url,
      `mutation($i: DecideResourceInput!) { decideResource(input: $i) { status } }`,
      { i: { resourceId: archived.id, decision: "PUBLISH" } },
      { token: facilitator.token },
    );
    const again = await gql(server.url, READ, { id: path.id }, { token: member.token });
    expect(again.data?.learningPath.viewerProgress).toMatchObject({ done: 3, total: 3 });
  });
});
