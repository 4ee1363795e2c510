import { describe, expect, it } from "vitest";
import { errorCode, gql } from "../client.js";
import { addMember, buildCommunity, buildResource, buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";

const server = useTestServer();

describe("library mutations", () => {
  it("every one of them requires login", async () => {
    const community = await buildCommunity(server.db);
    const author = await buildUser(server.db);
    const r = await buildResource(server.db, community, author, { status: "PUBLISHED" });
    const id = "00000000-0000-0000-0000-000000000000";
    const calls: [string, Record<string, unknown>][] = [
      [
        `mutation($i: EditResourceInput!) { editResource(input: $i) { id } }`,
        { i: { resourceId: r.id, title: "New title" } },
      ],
      [
        `mutation($i: DecideResourceInput!) { decideResource(input: $i) { id } }`,
        { i: { resourceId: r.id, decision: "ARCHIVE" } },
      ],
      [`mutation($id: ID!) { setResourceBookmark(resourceId: $id, bookmarked: true) { id } }`, { id: r.id }],
      [`mutation($id: ID!) { setResourceHelpful(resourceId: $id, helpful: true) { id } }`, { id: r.id }],
      [
        `mutation($i: CreateLearningPathInput!) { createLearningPath(input: $i) { id } }`,
        { i: { communityId: community.id, title: "Path" } },
      ],
      [
        `mutation($i: UpdateLearningPathInput!) { updateLearningPath(input: $i) { id } }`,
        { i: { pathId: id, expectedVersion: 1, title: "x y z" } },
      ],
      [
        `mutation($i: AddPathStepInput!) { addPathStep(input: $i) { id } }`,
        { i: { pathId: id, resourceId: r.id, expectedVersion: 1 } },
      ],
      [
        `mutation($i: UpdatePathStepInput!) { updatePathStep(input: $i) { id } }`,
        { i: { stepId: id, note: "n", expectedVersion: 1 } },
      ],
      [
        `mutation($i: RemovePathStepInput!) { removePathStep(input: $i) { id } }`,
        { i: { stepId: id, expectedVersion: 1 } },
      ],
      [
        `mutation($i: ReorderPathStepsInput!) { reorderPathSteps(input: $i) { id } }`,
        { i: { pathId: id, stepIds: [], expectedVersion: 1 } },
      ],
      [
        `mutation($i: PublishLearningPathInput!) { publishLearningPath(input: $i) { id } }`,
        { i: { pathId: id, expectedVersion: 1 } },
      ],
      [`mutation($id: ID!) { setStepDone(stepId: $id, done: true) { id } }`, { id }],
    ];
    for (const [query, variables] of calls) {
      expect(errorCode(await gql(server.url, query, variables)), query).toBe("UNAUTHENTICATED");
    }
  });

  it("two facilitators deciding at once: exactly one decision wins, the other is a CONFLICT", async () => {
    const community = await buildCommunity(server.db);
    const [proposer, f1, f2] = [await buildUser(server.db), await buildUser(server.db), await buildUser(server.db)];
    await addMember(server.db, community, proposer);
    await addMember(server.db, community, f1, "FACILITATOR");
    await addMember(server.db, community, f2, "FACILITATOR");
    const r = await buildResource(server.db, community, proposer);
    const q = `mutation($i: DecideResourceInput!) { decideResource(input: $i) { status } }`;
    const results = await Promise.all([
      gql(server.url, q, { i: { resourceId: r.id, decision: "PUBLISH" } }, { token: f1.token }),
      gql(server.url, q, { i: { resourceId: r.id, decision: "REJECT", reason: "Out of scope" } }, { token: f2.token }),
    ]);
    expect(results.filter((res) => !res.errors)).toHaveLength(1);
    expect(results.map(errorCode).filter(Boolean)).toEqual(["CONFLICT"]);
    const history = await gql(
      server.url,
      `query($id: ID!) { resource(id: $id) { decisions { decision } } }`,
      { id: r.id },
      { token: f1.token },
    );
    expect(history.data?.resource.decisions).toHaveLength(1);
  });
});
