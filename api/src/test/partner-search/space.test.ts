import { partnerSearches } from "@pratica/db";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode } from "../client.js";
import { addMember, buildCommunity } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { buildCast, buildSearch, type Cast, EXPRESS, request } from "./support.js";

const server = useTestServer();
const send = request(() => server.url);

type Space = { communityId: string; slug: string; threadId: string; deliverableId: string; sectionId: string };
let cast: Cast;
let space: Space;
let searchId: string;

beforeAll(async () => {
  cast = await buildCast(server.db);
  // The consortium's person is also a member of a community of practice: lists then have something to show.
  const practice = await buildCommunity(server.db);
  await addMember(server.db, practice, cast.rep);
  const s = await buildSearch(server.db, cast);
  searchId = s.id;
  const res = await send(cast.rep, EXPRESS, {
    i: { searchId: s.id, organizationId: cast.partner.id, role: "PARTNER", message: "zanzibarconsortium" },
  });
  expect(res.errors).toBeUndefined();
  const [row] = await server.db.select().from(partnerSearches).where(eq(partnerSearches.id, s.id));
  const doc = await send(cast.lead, `query($id: ID!) { deliverable(id: $id) { sections { id } } }`, {
    id: row?.proposalDeliverableId,
  });
  space = {
    communityId: row?.spaceCommunityId ?? "",
    slug: `consortium-${s.id}`,
    threadId: row?.spaceThreadId ?? "",
    deliverableId: row?.proposalDeliverableId ?? "",
    sectionId: doc.data?.deliverable.sections[0].id,
  };
});

const THREAD = `query($id: ID!) { thread(id: $id) { id title posts(first: 5) { edges { node { id body } } } } }`;
const DOC = `query($id: ID!) { deliverable(id: $id) { id title sections { id version } } }`;
const COMMUNITY = `query($s: String!) { community(slug: $s) { id } }`;
const POST = `mutation($i: AddPostInput!) { addPost(input: $i) { id } }`;
const EDIT = `mutation($i: EditSectionInput!) { editSection(input: $i) { id version body } }`;

describe("the private space: members work in it, outsiders find nothing", () => {
  it("members (the lead and the interested person) post in the thread and edit the proposal's sections", async () => {
    const post = await send(cast.rep, POST, { i: { threadId: space.threadId, body: "Hello from zanzibarconsortium" } });
    expect(post.errors).toBeUndefined();
    const read = await send(cast.lead, THREAD, { id: space.threadId });
    expect(read.data?.thread.posts.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(
      post.data?.addPost.id,
    );
    const edit = await send(cast.rep, EDIT, {
      i: { sectionId: space.sectionId, body: "Our part", expectedVersion: 1 },
    });
    expect(edit.data?.editSection).toMatchObject({ version: 2, body: "Our part" });
    expect((await send(cast.lead, COMMUNITY, { s: space.slug })).data?.community).toEqual({ id: space.communityId });
  });

  it("outsiders (anonymous, another partner, the lead's plain colleague) cannot read the thread, posts, document or community", async () => {
    const nowhere = "00000000-0000-4000-8000-000000000000";
    const missingThread = (await send(cast.thirdRep, THREAD, { id: nowhere })).errors?.[0]?.message;
    const missingDoc = (await send(cast.thirdRep, DOC, { id: nowhere })).errors?.[0]?.message;
    for (const who of [undefined, cast.thirdRep, cast.outsider, cast.colleague]) {
      // Not "private": a consortium space does not exist for outsiders, word for word like a missing one.
      const thread = await send(who, THREAD, { id: space.threadId });
      expect(errorCode(thread)).toBe("NOT_FOUND");
      expect(thread.errors?.[0]?.message).toBe(missingThread);
      const doc = await send(who, DOC, { id: space.deliverableId });
      expect(errorCode(doc)).toBe("NOT_FOUND");
      expect(doc.errors?.[0]?.message).toBe(missingDoc);
      expect((await send(who, COMMUNITY, { s: space.slug })).data?.community).toBeNull();
      const read = await send(who, `query($id: ID!) { partnerSearch(id: $id) { space { thread { id } } } }`, {
        id: searchId,
      });
      expect(read.data?.partnerSearch.space).toBeNull();
    }
    const post = await send(cast.thirdRep, POST, { i: { threadId: space.threadId, body: "Let me in" } });
    expect(errorCode(post)).toBe("NOT_FOUND");
    const join = await send(cast.thirdRep, `mutation($id: ID!) { joinCommunity(communityId: $id) { id status } }`, {
      id: space.communityId,
    });
    expect(errorCode(join)).toBe("NOT_FOUND");
    const missing = await send(cast.thirdRep, `mutation($id: ID!) { joinCommunity(communityId: $id) { id } }`, {
      id: "00000000-0000-4000-8000-000000000000",
    });
    expect(join.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
  });

  it("never listed: communities, the admin's list, an organisation's communities, the observatory, search", async () => {
    const ids = (list: { id: string }[] | undefined) => (list ?? []).map((c) => c.id);
    for (const who of [undefined, cast.rep, cast.lead, cast.admin]) {
      const all = await send(who, `{ communities { id } }`);
      expect(ids(all.data?.communities)).not.toContain(space.communityId);
      expect(ids(all.data?.communities).length).toBeGreaterThan(0);
      const obs = await send(who, `{ observatory { communities { community { id } } } }`);
      expect(obs.errors).toBeUndefined();
      expect(
        (obs.data?.observatory.communities ?? []).map((c: { community: { id: string } }) => c.community.id),
      ).not.toContain(space.communityId);
    }
    const admin = await send(cast.admin, `{ adminCommunities { id } }`);
    expect(ids(admin.data?.adminCommunities)).not.toContain(space.communityId);
    expect(ids(admin.data?.adminCommunities).length).toBeGreaterThan(0);
    const org = await send(cast.rep, `query($s: String!) { organization(slug: $s) { communities { id } } }`, {
      s: cast.partner.slug,
    });
    expect(org.errors).toBeUndefined();
    expect(ids(org.data?.organization.communities)).not.toContain(space.communityId);
    expect(ids(org.data?.organization.communities).length).toBe(1);
    const SEARCH = `{ search(query: "zanzibarconsortium") { edges { node { __typename ... on Post { id } ... on Thread { id } } } } }`;
    for (const who of [undefined, cast.thirdRep, cast.admin]) {
      expect((await send(who, SEARCH)).data?.search.edges).toEqual([]);
    }
    // Its members find their own words.
    expect((await send(cast.rep, SEARCH)).data?.search.edges.length).toBeGreaterThan(0);
  });
});
