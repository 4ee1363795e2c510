import { beforeAll, describe, expect, it } from "vitest";
import { useTestServer } from "../fixture.js";
import { buildCast, buildDocument, type Cast, EDIT, gql, mustOk } from "./setup.js";

const SEARCH = `query($q: String!) { search(query: $q, first: 20) { edges { snippet node { __typename ... on Deliverable { id status } } } } }`;
const NOTIFICATIONS = `{ notifications(first: 10) { edges { node { kind deliverable { id } amendment { id status } } } } }`;

const server = useTestServer();
let cast: Cast;
beforeAll(async () => {
  cast = await buildCast(server);
});

const found = async (q: string, token?: string) =>
  (await gql(server.url, SEARCH, { q }, { token })).data?.search.edges
    .filter((e: { node: { __typename: string } }) => e.node.__typename === "Deliverable")
    .map((e: { node: { id: string } }) => e.node.id);

describe("documents in search and notifications", () => {
  it("finds documents by a section's words; drafts only for the community's members", async () => {
    const published = await buildDocument(server, cast, "PUBLISHED");
    const draft = await buildDocument(server, cast, "DRAFT");
    await mustOk(
      gql(
        server.url,
        EDIT,
        {
          i: {
            sectionId: draft.sections[1]?.id,
            body: "Rendicontazione trasparente degli impatti sociali.",
            expectedVersion: 1,
          },
        },
        { token: cast.editor.token },
      ),
    );
    expect(await found("believe")).toEqual([published.id]);
    expect((await found("believe", cast.member.token))?.sort()).toEqual([published.id, draft.id].sort());
    expect(await found("impatto sociale", cast.member.token)).toEqual([draft.id]);
    expect(await found("impatto sociale", cast.outsider.token)).toEqual([]);
  });

  it("editors hear of a new amendment and the proposer of the decision, linked to the document", async () => {
    const doc = await buildDocument(server, cast, "REVIEW");
    const proposed = await mustOk(
      gql(
        server.url,
        `mutation($i: ProposeAmendmentInput!) { proposeAmendment(input: $i) { id } }`,
        { i: { sectionId: doc.sections[0]?.id, body: "Better words.", rationale: "Clarity." } },
        { token: cast.member.token },
      ),
    );
    const amendmentId = proposed.data?.proposeAmendment.id;
    const editorNews = await gql(server.url, NOTIFICATIONS, {}, { token: cast.coEditor.token });
    expect(editorNews.data?.notifications.edges[0].node).toEqual({
      kind: "AMENDMENT_PROPOSED",
      deliverable: { id: doc.id },
      amendment: { id: amendmentId, status: "OPEN" },
    });
    await mustOk(
      gql(
        server.url,
        `mutation($i: RejectAmendmentInput!) { rejectAmendment(input: $i) { id } }`,
        { i: { amendmentId, reason: "Out of scope." } },
        { token: cast.editor.token },
      ),
    );
    const proposerNews = await gql(server.url, NOTIFICATIONS, {}, { token: cast.member.token });
    expect(proposerNews.data?.notifications.edges[0].node).toMatchObject({
      kind: "AMENDMENT_DECIDED",
      amendment: { status: "REJECTED" },
    });
  });
});
