import { randomUUID } from "node:crypto";
import type { FormattedExecutionResult } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { type GqlResult, gql } from "../client.js";
import { buildCast, buildDocument, type Cast, type Doc, EDIT, mustOk } from "../deliverable/setup.js";
import { addMember, buildResource, buildThread, buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { collect } from "../live.js";

/**
 * Every list a client pages through with `after:` (every field of api/schema.graphql with an
 * `after:` argument, and markThreadRead's `upTo`), against cursors a client could forge: each is
 * BAD_USER_INPUT naming the argument, never an internal error from PostgreSQL's casts. And the
 * cursors the lists hand out are accepted back.
 */

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const ID = randomUUID();
const NOW = "2026-01-01T12:00:00.000Z";
// The last instant a JavaScript Date holds, and the first: beyond PostgreSQL's years.
const FAR_FUTURE = "+275760-09-13T00:00:00.000Z";
const FAR_PAST = "-271821-04-20T00:00:00.000Z";

const garbage = ["", "%%%", b64(null), b64({}), b64("x"), b64([])];
const KEYSET = [
  ...garbage,
  b64([NOW, "not-a-uuid"]),
  b64(["not a date", ID]),
  b64(["2026-02-31T00:00:00.000Z", ID]),
  b64([FAR_FUTURE, ID]),
  b64([FAR_PAST, ID]),
  b64([1_700_000_000_000, ID]),
  b64([NOW]),
  b64([NOW, ID, "extra"]),
];
/** [featured or pinned, the sort's key, id]: a time for date sorts, a count for the others. */
const sortKeyed = (key: "time" | "count") => [
  ...garbage,
  b64([false, key === "time" ? NOW : 1, "not-a-uuid"]),
  b64(["no", key === "time" ? NOW : 1, ID]),
  ...(key === "time"
    ? [b64([false, 5, ID]), b64([false, "not a date", ID]), b64([false, FAR_FUTURE, ID]), b64([true, FAR_PAST, ID])]
    : [b64([false, NOW, ID]), b64([false, 2 ** 31, ID]), b64([false, -(2 ** 31) - 1, ID]), b64([false, 1.5, ID])]),
];
const SEARCH = [
  ...garbage,
  b64([1e39, "THREAD", ID]),
  b64([-1e39, "THREAD", ID]),
  b64(["0.5", "THREAD", ID]),
  b64([0.5, "NOPE", ID]),
  b64([0.5, "THREAD", "not-a-uuid"]),
  b64([0.5, "THREAD"]),
];
// Sequence cursors are plain numbers: post seqs and event ids are bigints, versions int4.
const SEQ = ["", "abc", "-1", "1.5", "1e3", " 1", "12345678901234567890", b64([1])];
const VERSION = [...SEQ, "2147483648", "99999999999999"];

const server = useTestServer();
let cast: Cast;
let doc: Doc;
let threadId: string;
beforeAll(async () => {
  cast = await buildCast(server);
  const { community, member, editor } = cast;
  doc = await buildDocument(server, cast, "REVIEW");
  const section = doc.sections[0] as { id: string };
  await mustOk(
    gql(
      server.url,
      EDIT,
      { i: { sectionId: section.id, body: "A second revision.", expectedVersion: 1 } },
      {
        token: editor.token,
      },
    ),
  );
  const thread = await buildThread(server.db, community, member, { title: "Manifesto thread" });
  threadId = thread.id;
  // A reply to the member's thread: a post for `posts` and a notification for the member.
  await mustOk(
    gql(
      server.url,
      `mutation($i: AddPostInput!) { addPost(input: $i) { id } }`,
      { i: { threadId, body: "A reply about the manifesto" } },
      { token: editor.token },
    ),
  );
  const resource = await buildResource(server.db, community, editor, { title: "Manifesto guide", status: "PUBLISHED" });
  await mustOk(
    gql(
      server.url,
      `mutation($id: ID!) { setResourceBookmark(resourceId: $id, bookmarked: true) { id } }`,
      { id: resource.id },
      { token: member.token },
    ),
  );
  await addMember(server.db, community, await buildUser(server.db), "MEMBER", "PENDING");
});

type List = {
  name: string;
  query: string;
  variables?: () => Record<string, unknown>;
  /** The facilitator for lists only moderators see; the ordinary member otherwise. */
  facilitator?: boolean;
  forged: string[];
};

const inCommunity = (selection: string, args = "") =>
  `query($slug: String!, $after: String${args}) { community(slug: $slug) { ${selection} } }`;
const page = "(after: $after, first: 1) { pageInfo { endCursor } }";
const slug = () => ({ slug: cast.community.slug });

const LISTS: List[] = [
  ...(["LATEST_ACTIVITY", "NEWEST", "MOST_REPLIES"] as const).map((sort) => ({
    name: `Community.threads(sort: ${sort})`,
    query: inCommunity(
      "threads(after: $after, first: 1, sort: $sort) { pageInfo { endCursor } }",
      ", $sort: ThreadSort",
    ),
    variables: () => ({ ...slug(), sort }),
    forged: sortKeyed(sort === "MOST_REPLIES" ? "count" : "time"),
  })),
  ...(["FEATURED_HELPFUL", "NEWEST"] as const).map((sort) => ({
    name: `Community.resources(sort: ${sort})`,
    query: inCommunity(
      "resources(after: $after, first: 1, sort: $sort) { pageInfo { endCursor } }",
      ", $sort: LibrarySort",
    ),
    variables: () => ({ ...slug(), sort }),
    forged: sortKeyed(sort === "NEWEST" ? "time" : "count"),
  })),
  { name: "Community.deliverables", query: inCommunity(`deliverables${page}`), variables: slug, forged: KEYSET },
  { name: "Community.members", query: inCommunity(`members${page}`), variables: slug, forged: KEYSET },
  {
    name: "Community.pendingMembers",
    query: inCommunity(`pendingMembers${page}`),
    variables: slug,
    facilitator: true,
    forged: KEYSET,
  },
  { name: "Query.notifications", query: `query($after: String) { notifications${page} }`, forged: KEYSET },
  { name: "Query.savedResources", query: `query($after: String) { savedResources${page} }`, forged: KEYSET },
  {
    name: "Query.search",
    query: `query($after: String) { search(query: "manifesto", after: $after, first: 1) { pageInfo { endCursor } } }`,
    forged: SEARCH,
  },
  ...(["DELIVERABLE", "THREAD", "POST", "RESOURCE"] as const).map((kind) => ({
    name: `Query.search(kinds: [${kind}])`,
    query: `query($after: String) { search(query: "manifesto", kinds: [${kind}], after: $after, first: 1) { pageInfo { endCursor } } }`,
    forged: [],
  })),
  {
    name: "Thread.posts",
    query: `query($id: ID!, $after: String) { thread(id: $id) { posts${page} } }`,
    variables: () => ({ id: threadId }),
    forged: SEQ,
  },
  {
    name: "Section.revisions",
    query: `query($id: ID!, $after: String) { deliverable(id: $id) { sections { revisions${page} } } }`,
    variables: () => ({ id: doc.id }),
    forged: VERSION,
  },
];

const tokenOf = (list: List) => (list.facilitator ? cast.facilitator : cast.member).token;
const request = (list: List, after: string | null) =>
  gql(server.url, list.query, { ...list.variables?.(), after }, { token: tokenOf(list) });

/** The first endCursor anywhere in the response (lists sit at different depths). */
function endCursorOf(value: unknown): string | null {
  if (!value || typeof value !== "object") return null;
  if ("endCursor" in value) return (value as { endCursor: string | null }).endCursor;
  for (const inner of Object.values(value)) {
    const found = endCursorOf(inner);
    if (found) return found;
  }
  return null;
}

const refusal = (res: Pick<GqlResult, "errors">) => ({
  code: res.errors?.[0]?.extensions?.code,
  field: res.errors?.[0]?.extensions?.field,
});

describe("cursors", () => {
  it.each(LISTS.map((l) => [l.name, l] as const))("%s hands out cursors it accepts back", async (_, list) => {
    const first = await request(list, null);
    expect(first.errors).toBeUndefined();
    const cursor = endCursorOf(first.data);
    expect(cursor).toEqual(expect.any(String));
    const next = await request(list, cursor);
    expect(next.errors).toBeUndefined();
  });

  const forgedCases = LISTS.flatMap((list) => list.forged.map((cursor) => [list.name, cursor, list] as const));
  it.each(forgedCases)("%s refuses the forged cursor %j with BAD_USER_INPUT on after", async (_, cursor, list) => {
    expect(refusal(await request(list, cursor))).toEqual({ code: "BAD_USER_INPUT", field: "after" });
  });

  it.each(SEQ)("markThreadRead refuses the upTo %j with BAD_USER_INPUT on upTo, changing nothing", async (upTo) => {
    const MARK = `mutation($id: ID!, $upTo: String) { markThreadRead(threadId: $id, upTo: $upTo) { lastReadCursor } }`;
    const res = await gql(server.url, MARK, { id: threadId, upTo }, { token: cast.member.token });
    expect(refusal(res)).toEqual({ code: "BAD_USER_INPUT", field: "upTo" });
    const read = await gql(
      server.url,
      `query($id: ID!) { thread(id: $id) { lastReadCursor } }`,
      { id: threadId },
      {
        token: cast.member.token,
      },
    );
    expect(read.data?.thread.lastReadCursor).toBeNull();
  });

  const subscriptions = [
    [
      "threadEvents",
      `subscription($id: ID!, $after: String) { threadEvents(threadId: $id, after: $after) { __typename } }`,
    ],
    [
      "deliverableEvents",
      `subscription($id: ID!, $after: String) { deliverableEvents(deliverableId: $id, after: $after) { __typename } }`,
    ],
  ] as const;
  it.each(subscriptions)(
    "the %s subscription refuses forged cursors with BAD_USER_INPUT on after",
    async (name, query) => {
      const socket = server.socketFor(cast.member);
      const id = name === "threadEvents" ? threadId : doc.id;
      for (const after of SEQ) {
        const sub = collect(socket, query, { id, after });
        await sub.done;
        const first = sub.results[0] as FormattedExecutionResult | undefined;
        expect(refusal({ errors: first?.errors ? [...first.errors] : undefined }), after).toEqual({
          code: "BAD_USER_INPUT",
          field: "after",
        });
      }
      await socket.dispose();
    },
  );
});
