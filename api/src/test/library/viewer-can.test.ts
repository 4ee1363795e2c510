import { describe, expect, it } from "vitest";
import { gql } from "../client.js";
import { buildPost, buildResource, buildThread, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import {
  buildCast,
  type Cast,
  type Data,
  expectAgreement,
  nodeIn,
  type Probe,
  VIEWERS,
  type Who,
} from "../viewer-can.js";

/** Threads, posts, library material and learning paths: each viewerCan field against its mutation. */
const server = useTestServer();

const ok = async (query: string, variables: Record<string, unknown>, user: TestUser) => {
  const res = await gql(server.url, query, variables, { token: user.token });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as Data;
};

const THREAD = `query($id: ID!) { thread(id: $id) { id viewerCanReply viewerCanModerate viewerCanReact
  posts(first: 50) { edges { node { id viewerCanEdit viewerCanDelete } } } } }`;
const RESOURCE = `query($id: ID!) { resource(id: $id) { id viewerCanEdit viewerCanCurate viewerCanUse } }`;
const PATH = `query($id: ID!) { learningPath(id: $id) { id viewerCanEdit viewerCanTrackProgress } }`;

/** A thread by `cast.member` with one post of theirs. */
const onThread =
  (
    said: (thread: Data, postId: string) => unknown,
    write: string,
    vars: (ids: { thread: string; post: string }) => Record<string, unknown>,
    locked = false,
  ) =>
  async (cast: Cast): Promise<Probe> => {
    const thread = await buildThread(server.db, cast.community, cast.member, { locked });
    const post = await buildPost(server.db, thread, cast.member);
    return {
      read: THREAD,
      readVars: { id: thread.id },
      said: (data) => data.thread && said(data.thread, post.id),
      write,
      writeVars: vars({ thread: thread.id, post: post.id }),
    };
  };

/** Material proposed by `cast.member`. */
const onResource =
  (
    field: string,
    write: string,
    vars: (id: string) => Record<string, unknown>,
    status: "PROPOSED" | "PUBLISHED" | "ARCHIVED" = "PROPOSED",
  ) =>
  async (cast: Cast): Promise<Probe> => {
    const r = await buildResource(server.db, cast.community, cast.member, { status });
    return {
      read: RESOURCE,
      readVars: { id: r.id },
      said: (data) => data.resource?.[field],
      write,
      writeVars: vars(r.id),
    };
  };

/** A path by `cast.facilitator` with one step, published or left a draft. */
const onPath =
  (
    field: string,
    status: "DRAFT" | "PUBLISHED",
    write: string,
    vars: (p: { id: string; version: number; stepId: string }) => Record<string, unknown>,
  ) =>
  async (cast: Cast): Promise<Probe> => {
    const material = await buildResource(server.db, cast.community, cast.member, { status: "PUBLISHED" });
    const created = await ok(
      `mutation($i: CreateLearningPathInput!) { createLearningPath(input: $i) { id version } }`,
      { i: { communityId: cast.community.id, title: "First steps" } },
      cast.facilitator,
    );
    const { id } = created.createLearningPath;
    const added = await ok(
      `mutation($i: AddPathStepInput!) { addPathStep(input: $i) { version steps { id } } }`,
      { i: { pathId: id, resourceId: material.id, expectedVersion: created.createLearningPath.version } },
      cast.facilitator,
    );
    let version = added.addPathStep.version as number;
    if (status === "PUBLISHED") {
      const published = await ok(
        `mutation($i: PublishLearningPathInput!) { publishLearningPath(input: $i) { version } }`,
        { i: { pathId: id, expectedVersion: version } },
        cast.facilitator,
      );
      version = published.publishLearningPath.version;
    }
    return {
      read: PATH,
      readVars: { id },
      said: (data) => data.learningPath?.[field],
      write,
      writeVars: vars({ id, version, stepId: added.addPathStep.steps[0].id }),
    };
  };

const ADD_POST = `mutation($i: AddPostInput!) { addPost(input: $i) { id } }`;
const PIN = `mutation($id: ID!) { setThreadPinned(threadId: $id, pinned: true) { id } }`;
const EDIT_POST = `mutation($i: EditPostInput!) { editPost(input: $i) { id } }`;
const DELETE_POST = `mutation($id: ID!, $reason: String) { deletePost(postId: $id, reason: $reason) { id } }`;
const EDIT_RESOURCE = `mutation($i: EditResourceInput!) { editResource(input: $i) { id } }`;
const DECIDE = `mutation($i: DecideResourceInput!) { decideResource(input: $i) { id } }`;
const UPDATE_PATH = `mutation($i: UpdateLearningPathInput!) { updateLearningPath(input: $i) { id } }`;
const STEP_DONE = `mutation($id: ID!) { setStepDone(stepId: $id, done: true) { id } }`;

const REACT = `mutation($i: ToggleReactionInput!) { toggleReaction(input: $i) { id } }`;
const BOOKMARK = `mutation($id: ID!) { setResourceBookmark(resourceId: $id, bookmarked: true) { id } }`;

const ACTIVE: Who[] = ["member", "otherMember", "facilitator"];
const MODERATORS: Who[] = ["facilitator", "admin"];

const table: [string, (cast: Cast) => Promise<Probe>, Who[]][] = [
  [
    "Thread.viewerCanReply, open ↔ addPost",
    onThread(
      (t) => t.viewerCanReply,
      ADD_POST,
      (x) => ({ i: { threadId: x.thread, body: "Yes." } }),
    ),
    ACTIVE,
  ],
  [
    "Thread.viewerCanReply, locked ↔ addPost",
    onThread(
      (t) => t.viewerCanReply,
      ADD_POST,
      (x) => ({ i: { threadId: x.thread, body: "Yes." } }),
      true,
    ),
    ["facilitator"],
  ],
  [
    "Thread.viewerCanModerate ↔ setThreadPinned",
    onThread(
      (t) => t.viewerCanModerate,
      PIN,
      (x) => ({ id: x.thread }),
    ),
    MODERATORS,
  ],
  [
    "Post.viewerCanEdit ↔ editPost",
    onThread(
      (t, post) => nodeIn(t.posts, post)?.viewerCanEdit,
      EDIT_POST,
      (x) => ({ i: { postId: x.post, body: "Edited." } }),
    ),
    ["member"],
  ],
  [
    "Post.viewerCanDelete ↔ deletePost",
    onThread(
      (t, post) => nodeIn(t.posts, post)?.viewerCanDelete,
      DELETE_POST,
      (x) => ({ id: x.post, reason: "Off topic" }),
    ),
    ["member", "facilitator", "admin"],
  ],
  [
    "Thread.viewerCanReact ↔ toggleReaction",
    onThread(
      (t) => t.viewerCanReact,
      REACT,
      (x) => ({ i: { postId: x.post, kind: "LIKE" } }),
    ),
    ACTIVE,
  ],
  [
    "Resource.viewerCanUse, PUBLISHED ↔ setResourceBookmark",
    onResource("viewerCanUse", BOOKMARK, (id) => ({ id }), "PUBLISHED"),
    ACTIVE,
  ],
  [
    "Resource.viewerCanUse, ARCHIVED ↔ setResourceBookmark",
    onResource("viewerCanUse", BOOKMARK, (id) => ({ id }), "ARCHIVED"),
    [],
  ],
  [
    "Resource.viewerCanEdit, PROPOSED ↔ editResource",
    onResource("viewerCanEdit", EDIT_RESOURCE, (id) => ({ i: { resourceId: id, title: "A better title" } })),
    ["member"],
  ],
  [
    "Resource.viewerCanCurate, PROPOSED ↔ decideResource",
    onResource("viewerCanCurate", DECIDE, (id) => ({ i: { resourceId: id, decision: "PUBLISH" } })),
    MODERATORS,
  ],
  [
    "LearningPath.viewerCanEdit, DRAFT ↔ updateLearningPath",
    onPath("viewerCanEdit", "DRAFT", UPDATE_PATH, (p) => ({
      i: { pathId: p.id, expectedVersion: p.version, title: "Renamed" },
    })),
    MODERATORS,
  ],
  [
    "LearningPath.viewerCanEdit, PUBLISHED ↔ updateLearningPath",
    onPath("viewerCanEdit", "PUBLISHED", UPDATE_PATH, (p) => ({
      i: { pathId: p.id, expectedVersion: p.version, title: "Renamed" },
    })),
    MODERATORS,
  ],
  [
    "LearningPath.viewerCanTrackProgress, PUBLISHED ↔ setStepDone",
    onPath("viewerCanTrackProgress", "PUBLISHED", STEP_DONE, (p) => ({ id: p.stepId })),
    ACTIVE,
  ],
  [
    "LearningPath.viewerCanTrackProgress, DRAFT ↔ setStepDone",
    onPath("viewerCanTrackProgress", "DRAFT", STEP_DONE, (p) => ({ id: p.stepId })),
    [],
  ],
];

describe.each(table)("%s", (_, probeFor, allowed) => {
  it.each(VIEWERS)("as %s", async (who) => {
    const cast = await buildCast(server.db);
    const probe = await probeFor(cast);
    await expectAgreement(server, who === "anonymous" ? undefined : cast[who].token, probe, allowed.includes(who));
  });
});

describe("the path and thread fields cost no query per row", () => {
  it("a community with 2 paths and threads and one with 6 take the same statements", async () => {
    const statementsFor = async (n: number) => {
      const cast = await buildCast(server.db);
      for (let i = 0; i < n; i++) {
        await ok(
          `mutation($i: CreateLearningPathInput!) { createLearningPath(input: $i) { id } }`,
          { i: { communityId: cast.community.id, title: `Path ${i}` } },
          cast.facilitator,
        );
        await buildThread(server.db, cast.community, cast.member);
      }
      const start = server.statements.length;
      const res = await gql(
        server.url,
        `query($slug: String!) { community(slug: $slug) {
          viewerCanRead viewerCanModerate viewerCanCurate viewerCanCreateThread viewerCanProposeResource
          viewerCanCreateDeliverable viewerCanCreateLearningPath
          learningPaths { id viewerCanEdit viewerCanTrackProgress }
          threads(first: 20) { edges { node { id viewerCanReply viewerCanModerate viewerCanReact } } } } }`,
        { slug: cast.community.slug },
        { token: cast.facilitator.token },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.community.learningPaths).toHaveLength(n);
      return server.statements.length - start;
    };
    expect(await statementsFor(6)).toBe(await statementsFor(2));
  });
});
