import { amendments, deliverableComments, posts, reactions, resources, threads, users } from "@pratica/db";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode, type GqlResult, gql, wsQuery } from "../client.js";
import { buildCast, buildDocument, type Cast, type Doc } from "../deliverable/setup.js";
import {
  addMember,
  buildCommunity,
  buildPost,
  buildThread,
  buildUser,
  TEST_PASSWORD,
  type TestUser,
} from "../factories.js";
import { useTestServer } from "../fixture.js";
import { inAWeek, sanctionMembership } from "./hide.js";

const server = useTestServer();

type Who = "member" | "suspended" | "restricted";
const TABLES = { threads, posts, reactions, resources, deliverableComments, amendments } as const;
const counts = async () =>
  Object.fromEntries(
    await Promise.all(
      Object.entries(TABLES).map(async ([name, t]) => [
        name,
        (await server.db.select({ n: sql<number>`count(*)::int` }).from(t))[0]?.n,
      ]),
    ),
  );

let cast: Cast;
let doc: Doc;
let people: Record<Who, TestUser>;

beforeAll(async () => {
  cast = await buildCast(server);
  doc = await buildDocument(server, cast, "REVIEW");
  const [suspended, restricted] = [await buildUser(server.db), await buildUser(server.db)];
  await addMember(server.db, cast.community, suspended);
  await addMember(server.db, cast.community, restricted);
  await sanctionMembership(server.db, cast.community.id, suspended.id, { suspendedUntil: inAWeek() });
  await sanctionMembership(server.db, cast.community.id, restricted.id, { restrictedUntil: inAWeek() });
  people = { member: cast.member, suspended, restricted };
});

/** Every module's write, as one member; what each returns is only looked at for its error. */
const WRITES: Record<string, (user: TestUser) => Promise<GqlResult>> = {
  createThread: (u) =>
    gql(
      server.url,
      `mutation($i: CreateThreadInput!) { createThread(input: $i) { id } }`,
      {
        i: { communityId: cast.community.id, title: "Hello all", body: "First words" },
      },
      { token: u.token },
    ),
  addPost: async (u) => {
    const thread = await buildThread(server.db, cast.community, cast.facilitator);
    return gql(
      server.url,
      `mutation($i: AddPostInput!) { addPost(input: $i) { id } }`,
      { i: { threadId: thread.id, body: "Me too" } },
      { token: u.token },
    );
  },
  toggleReaction: async (u) => {
    const post = await buildPost(
      server.db,
      await buildThread(server.db, cast.community, cast.facilitator),
      cast.facilitator,
    );
    return gql(
      server.url,
      `mutation($i: ToggleReactionInput!) { toggleReaction(input: $i) { id } }`,
      { i: { postId: post.id, kind: "LIKE" } },
      { token: u.token },
    );
  },
  proposeResource: (u) =>
    gql(
      server.url,
      `mutation($i: ProposeResourceInput!) { proposeResource(input: $i) { id } }`,
      {
        i: {
          communityId: cast.community.id,
          title: "A guide to it",
          summary: "What it covers.",
          kind: "GUIDE",
          language: "en",
        },
      },
      { token: u.token },
    ),
  addDeliverableComment: (u) =>
    gql(
      server.url,
      `mutation($i: AddDeliverableCommentInput!) { addDeliverableComment(input: $i) { id } }`,
      {
        i: { sectionId: doc.sections[0]?.id, body: "A thought on this" },
      },
      { token: u.token },
    ),
  proposeAmendment: (u) =>
    gql(
      server.url,
      `mutation($i: ProposeAmendmentInput!) { proposeAmendment(input: $i) { id } }`,
      {
        i: { sectionId: doc.sections[1]?.id, body: "Transparency first.", rationale: "Clearer." },
      },
      { token: u.token },
    ),
};

const DOCUMENT_WRITES = { addDeliverableComment: true, proposeAmendment: true };

describe("a member under a sanction in a community", () => {
  it.each(Object.keys(WRITES))(
    "%s: the member writes; suspended and restricted members are refused, changing nothing",
    async (name) => {
      const write = WRITES[name] as (u: TestUser) => ReturnType<(typeof WRITES)[string]>;
      for (const who of ["suspended", "restricted"] as const) {
        const before = await counts();
        const res = await write(people[who]);
        // A document in review is seen by active members only: to a suspended member it is not there.
        const refusals = who === "suspended" && name in DOCUMENT_WRITES ? ["FORBIDDEN", "NOT_FOUND"] : ["FORBIDDEN"];
        expect(refusals, `${name} as ${who}`).toContain(errorCode(res));
        // buildThread/buildPost above add rows of their own: compare what the write itself would add.
        const after = await counts();
        if (name === "addPost") expect(after.posts).toBe(before.posts);
        if (name === "toggleReaction") expect(after.reactions).toBe(before.reactions);
        if (name === "createThread") expect(after.threads).toBe(before.threads);
        if (name === "proposeResource") expect(after.resources).toBe(before.resources);
        if (name === "addDeliverableComment") expect(after.deliverableComments).toBe(before.deliverableComments);
        if (name === "proposeAmendment") expect(after.amendments).toBe(before.amendments);
      }
      const ok = await write(people.member);
      expect(ok.errors).toBeUndefined();
    },
  );

  it("joinCommunity: joining again does not shed a sanction", async () => {
    for (const [who, reason] of [
      ["suspended", "SUSPENDED"],
      ["restricted", "RESTRICTED"],
    ] as const) {
      const res = await gql(
        server.url,
        `mutation($id: ID!) { joinCommunity(communityId: $id) { id status } }`,
        { id: cast.community.id },
        { token: people[who].token },
      );
      expect(errorCode(res)).toBe("FORBIDDEN");
      expect(res.errors?.[0]?.extensions).toMatchObject({ reason, until: expect.any(String) });
    }
  });

  it("the viewerCan… fields agree: false for both", async () => {
    const thread = await buildThread(server.db, cast.community, cast.facilitator);
    const Q = `query($id: ID!) { thread(id: $id) { viewerCanReply viewerCanReact community { viewerCanCreateThread } } }`;
    for (const who of ["suspended", "restricted", "member"] as const) {
      const res = await gql(server.url, Q, { id: thread.id }, { token: people[who].token });
      const can = who === "member";
      expect(res.data?.thread, who).toEqual({
        viewerCanReply: can,
        viewerCanReact: can,
        community: { viewerCanCreateThread: can },
      });
    }
  });

  it("the member and the moderators see the sanction on the membership; other members do not", async () => {
    const Q = `query($slug: String!) { community(slug: $slug) { members(first: 100) { edges { node { user { id } suspendedUntil restrictedUntil } } } } }`;
    const sanctionOf = async (viewer: TestUser) => {
      const res = await gql(server.url, Q, { slug: cast.community.slug }, { token: viewer.token });
      const nodes = (res.data?.community.members.edges ?? []) as {
        node: { user: { id: string }; restrictedUntil: string | null };
      }[];
      return nodes.find((e) => e.node.user.id === people.restricted.id)?.node.restrictedUntil ?? null;
    };
    expect(await sanctionOf(people.restricted)).toEqual(expect.any(String));
    expect(await sanctionOf(cast.facilitator)).toEqual(expect.any(String));
    expect(await sanctionOf(cast.member)).toBeNull();
  });

  it("over the WebSocket: a suspended member's subscription to a members-only thread is refused", async () => {
    const community = await buildCommunity(server.db, { visibility: "MEMBERS" });
    const [suspended, author] = [await buildUser(server.db), await buildUser(server.db)];
    for (const u of [suspended, author]) await addMember(server.db, community, u);
    await sanctionMembership(server.db, community.id, suspended.id, { suspendedUntil: inAWeek() });
    const thread = await buildThread(server.db, community, author);
    const res = await wsQuery(
      server.socketFor(suspended),
      `subscription { threadEvents(threadId: "${thread.id}") { __typename } }`,
    ).catch((errors: { extensions?: { code?: string } }[]) => ({ errors }));
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("in a members-only community the suspended member no longer reads; the restricted one does", async () => {
    const community = await buildCommunity(server.db, { visibility: "MEMBERS" });
    const [suspended, restricted, author] = await Promise.all([1, 2, 3].map(() => buildUser(server.db)));
    for (const u of [suspended, restricted, author]) await addMember(server.db, community, u as TestUser);
    await sanctionMembership(server.db, community.id, (suspended as TestUser).id, { suspendedUntil: inAWeek() });
    await sanctionMembership(server.db, community.id, (restricted as TestUser).id, { restrictedUntil: inAWeek() });
    const thread = await buildThread(server.db, community, author as TestUser, { title: "Members only" });
    const Q = `query($id: ID!) { thread(id: $id) { title } }`;
    expect(errorCode(await gql(server.url, Q, { id: thread.id }, { token: (suspended as TestUser).token }))).toBe(
      "FORBIDDEN",
    );
    expect(
      (await gql(server.url, Q, { id: thread.id }, { token: (restricted as TestUser).token })).data?.thread,
    ).toEqual({ title: "Members only" });
  });
});

describe("a platform-wide sanction", () => {
  const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { token } }`;

  it("a suspended account logs in to a limited session: reads what anyone reads, appeals, writes nothing else (SUSPENDED, until); when it ends, it is whole again", async () => {
    const until = inAWeek();
    const user = await buildUser(server.db, { suspendedUntil: until });
    await addMember(server.db, cast.community, user);
    const secret = await buildCommunity(server.db, { visibility: "MEMBERS" });
    await addMember(server.db, secret, user);
    const hidden = await buildThread(server.db, secret, cast.facilitator, { title: "Members only" });
    const open = await buildThread(server.db, cast.community, cast.facilitator, { title: "Public" });
    const wrong = await gql(server.url, LOGIN, { i: { email: user.email, password: "not the password" } });
    expect(errorCode(wrong)).toBe("UNAUTHENTICATED");
    const login = await gql<{ login: { token: string } }>(server.url, LOGIN, {
      i: { email: user.email, password: TEST_PASSWORD },
    });
    expect(login.errors).toBeUndefined();
    const token = login.data?.login.token;
    const me = await gql(server.url, `{ viewer { suspendedUntil } }`, {}, { token });
    expect(me.data?.viewer).toEqual({ suspendedUntil: until.toISOString() });
    const before = await counts();
    const refused = await gql(
      server.url,
      `mutation($i: AddPostInput!) { addPost(input: $i) { id } }`,
      { i: { threadId: open.id, body: "Hi" } },
      { token },
    );
    expect(errorCode(refused)).toBe("FORBIDDEN");
    expect(refused.errors?.[0]?.extensions).toMatchObject({ reason: "SUSPENDED", until: until.toISOString() });
    expect(await counts()).toEqual(before);
    const Q = `query($id: ID!) { thread(id: $id) { title viewerCanReply } }`;
    const publicRead = await gql(server.url, Q, { id: open.id }, { token });
    expect(publicRead.data?.thread).toEqual({ title: "Public", viewerCanReply: false });
    expect(errorCode(await gql(server.url, Q, { id: hidden.id }, { token }))).toBe("FORBIDDEN");
    const out = await gql(server.url, `mutation { logout }`, {}, { token });
    expect(out.data).toEqual({ logout: true });
    await server.db
      .update(users)
      .set({ suspendedUntil: new Date(Date.now() - 1000) })
      .where(eq(users.id, user.id));
    const back = await gql<{ login: { token: string } }>(server.url, LOGIN, {
      i: { email: user.email, password: TEST_PASSWORD },
    });
    const again = await gql(server.url, Q, { id: hidden.id }, { token: back.data?.login.token });
    expect(again.data?.thread).toEqual({ title: "Members only", viewerCanReply: true });
  });

  it("a restricted account reads and keeps its own settings, but every other mutation is refused (RESTRICTED, until)", async () => {
    const until = inAWeek();
    const user = await buildUser(server.db, { restrictedUntil: until });
    await addMember(server.db, cast.community, user);
    const thread = await buildThread(server.db, cast.community, cast.facilitator, { title: "Readable" });
    const before = await counts();
    const refused = await gql(
      server.url,
      `mutation($i: AddPostInput!) { addPost(input: $i) { id } }`,
      { i: { threadId: thread.id, body: "Hi" } },
      { token: user.token },
    );
    expect(errorCode(refused)).toBe("FORBIDDEN");
    expect(refused.errors?.[0]?.extensions).toMatchObject({ reason: "RESTRICTED", until: until.toISOString() });
    expect((await counts()).posts).toBe(before.posts);
    const read = await gql(
      server.url,
      `query($id: ID!) { thread(id: $id) { title viewerCanReply } }`,
      { id: thread.id },
      { token: user.token },
    );
    expect(read.data?.thread).toEqual({ title: "Readable", viewerCanReply: false });
    const settings = await gql(
      server.url,
      `mutation { updateNotificationSettings(input: { emailDelivery: DAILY }) { emailDelivery } }`,
      {},
      { token: user.token },
    );
    expect(settings.errors).toBeUndefined();
    const read2 = await gql(
      server.url,
      `mutation($id: ID!) { markThreadRead(threadId: $id) { id } }`,
      { id: thread.id },
      { token: user.token },
    );
    expect(read2.errors).toBeUndefined();
    const out = await gql(server.url, `mutation { logout }`, {}, { token: user.token });
    expect(out.data).toEqual({ logout: true });
  });
});
