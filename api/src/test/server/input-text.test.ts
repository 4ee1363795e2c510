import { randomUUID } from "node:crypto";
import { threads } from "@pratica/db";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode, type GqlResult, gql } from "../client.js";
import { buildCast, buildDocument, type Cast, mustOk } from "../deliverable/setup.js";
import { useTestServer } from "../fixture.js";

/**
 * What a request carries is checked once, before any resolver runs (server/input-text.ts): no
 * control character a database would choke on, and every ID a uuid; and titles must show
 * something (core/validate.ts).
 */

const server = useTestServer();
let cast: Cast;
beforeAll(async () => {
  cast = await buildCast(server);
});

const refusal = (res: Pick<GqlResult, "errors">) => ({
  code: res.errors?.[0]?.extensions?.code,
  field: res.errors?.[0]?.extensions?.field,
});
const threadCount = async () =>
  (
    await server.db
      .select({ n: sql<number>`count(*)::int` })
      .from(threads)
      .where(eq(threads.communityId, cast.community.id))
  )[0]?.n;

const CREATE_THREAD = `mutation($i: CreateThreadInput!) { createThread(input: $i) { id title body } }`;

describe("control characters", () => {
  it("a NUL in a mutation's variables is BAD_USER_INPUT naming it, and nothing is written", async () => {
    const before = await threadCount();
    const i = { communityId: cast.community.id, title: "A fine title", body: "Some words" };
    for (const [field, bad] of [
      ["i.title", { ...i, title: "A fine\u0000title" }],
      ["i.body", { ...i, body: "Some\u0000words" }],
      ["i.tags.1", { ...i, tags: ["ok", "n\u0000ul"] }],
    ] as const) {
      const res = await gql(server.url, CREATE_THREAD, { i: bad }, { token: cast.member.token });
      expect(refusal(res), field).toEqual({ code: "BAD_USER_INPUT", field });
    }
    expect(await threadCount()).toBe(before);
  });

  it("a NUL in a mutation's inline literal is BAD_USER_INPUT naming the argument, and nothing is written", async () => {
    const before = await threadCount();
    // The document carries the escape `\u0000`, which GraphQL turns into the character itself.
    const res = await gql(
      server.url,
      `mutation { createThread(input: { communityId: "${cast.community.id}", title: "Nul \\u0000 title", body: "b" }) { id } }`,
      {},
      { token: cast.member.token },
    );
    expect(refusal(res)).toEqual({ code: "BAD_USER_INPUT", field: "input.title" });
    expect(await threadCount()).toBe(before);
  });

  it("other C0 controls are refused too; tab, newline and carriage return are text", async () => {
    const i = { communityId: cast.community.id, title: "A fine title" };
    const bell = await gql(
      server.url,
      CREATE_THREAD,
      { i: { ...i, body: "ring\u0007" } },
      { token: cast.member.token },
    );
    expect(refusal(bell)).toEqual({ code: "BAD_USER_INPUT", field: "i.body" });
    const body = "line one\nline\ttwo\r\nthree";
    const ok = await gql(server.url, CREATE_THREAD, { i: { ...i, body } }, { token: cast.member.token });
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.createThread.body).toBe(body);
  });

  it("a NUL in a query's search text or a slug is BAD_USER_INPUT, as a variable and inline", async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [`query($q: String!) { search(query: $q) { edges { cursor } } }`, { q: "impresa\u0000" }, "q"],
      [`{ search(query: "impresa\\u0000") { edges { cursor } } }`, {}, "query"],
      [`query($s: String!) { community(slug: $s) { id } }`, { s: `${cast.community.slug}\u0000` }, "s"],
      [`{ community(slug: "${cast.community.slug}\\u0000") { id } }`, {}, "slug"],
      [`query($s: String!) { organization(slug: $s) { id } }`, { s: "\u0000" }, "s"],
      [`{ organization(slug: "x\\u0000") { id } }`, {}, "slug"],
    ];
    for (const [query, variables, field] of cases) {
      const res = await gql(server.url, query, variables, { token: cast.member.token });
      expect(refusal(res), query).toEqual({ code: "BAD_USER_INPUT", field });
    }
  });
});

describe("ids", () => {
  it("an ID that is not a uuid is NOT_FOUND before it reaches the database, as a variable and inline", async () => {
    const doc = await buildDocument(server, cast, "PUBLISHED");
    const section = doc.sections[0] as { id: string };
    const COMMENT = `mutation($i: AddDeliverableCommentInput!) { addDeliverableComment(input: $i) { id } }`;
    for (const parentId of ["", "not-a-uuid", "12"]) {
      const res = await gql(
        server.url,
        COMMENT,
        { i: { sectionId: section.id, body: "A remark", parentId } },
        { token: cast.member.token },
      );
      expect(refusal(res), parentId).toEqual({ code: "NOT_FOUND", field: "i.parentId" });
    }
    const inline = await gql(
      server.url,
      `mutation { addDeliverableComment(input: { sectionId: "${section.id}", body: "A remark", parentId: "" }) { id } }`,
      {},
      { token: cast.member.token },
    );
    expect(refusal(inline)).toEqual({ code: "NOT_FOUND", field: "input.parentId" });
    const ints = await gql(server.url, `{ thread(id: 12) { id } }`, {}, { token: cast.member.token });
    expect(refusal(ints)).toEqual({ code: "NOT_FOUND", field: "id" });
    const list = await gql(
      server.url,
      `mutation($i: ReorderSectionsInput!) { reorderSections(input: $i) { id } }`,
      { i: { deliverableId: doc.id, sectionIds: [section.id, "nope"], expectedVersion: doc.version } },
      { token: cast.editor.token },
    );
    expect(refusal(list)).toEqual({ code: "NOT_FOUND", field: "i.sectionIds.1" });
    // A well-formed uuid that names nothing is the resolver's NOT_FOUND, as before.
    const unknown = await gql(
      server.url,
      `query($id: ID!) { thread(id: $id) { id } }`,
      { id: randomUUID() },
      {
        token: cast.member.token,
      },
    );
    expect(errorCode(unknown)).toBe("NOT_FOUND");
  });
});

describe("visible titles", () => {
  const INVISIBLE = ["\u200B", "\u200B\u200C\u200D", " \u2060 \uFEFF ", "\u00AD\u200E\u200B"];

  it.each(INVISIBLE.map((t) => [JSON.stringify(t), t]))(
    "a title of only %s is BAD_USER_INPUT on title",
    async (_, blank) => {
      const { community, member, facilitator } = cast;
      const cases: [string, Record<string, unknown>, string, string][] = [
        [CREATE_THREAD, { i: { communityId: community.id, title: blank.repeat(3), body: "b" } }, member.token, "title"],
        [
          `mutation($i: CreateDeliverableInput!) { createDeliverable(input: $i) { id } }`,
          { i: { communityId: community.id, title: blank.repeat(3) } },
          member.token,
          "title",
        ],
        [
          `mutation($i: ProposeResourceInput!) { proposeResource(input: $i) { id } }`,
          {
            i: {
              communityId: community.id,
              title: blank.repeat(3),
              summary: "What it covers, in a few words.",
              kind: "GUIDE",
              language: "en",
            },
          },
          member.token,
          "title",
        ],
        [
          `mutation($i: CreateLearningPathInput!) { createLearningPath(input: $i) { id } }`,
          { i: { communityId: community.id, title: blank.repeat(3) } },
          facilitator.token,
          "title",
        ],
        [
          `mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { id } }`,
          { i: { displayName: blank.repeat(3) } },
          member.token,
          "displayName",
        ],
      ];
      for (const [query, variables, token, field] of cases) {
        const res = await gql(server.url, query, variables, { token });
        expect(refusal(res), query).toEqual({ code: "BAD_USER_INPUT", field });
      }
      const doc = await buildDocument(server, cast, "DRAFT");
      const heading = await gql(
        server.url,
        `mutation($i: AddSectionInput!) { addSection(input: $i) { id } }`,
        { i: { deliverableId: doc.id, heading: blank, expectedVersion: doc.version } },
        { token: cast.editor.token },
      );
      expect(refusal(heading)).toEqual({ code: "BAD_USER_INPUT", field: "heading" });
    },
  );

  it("a title with visible characters among invisible ones is kept", async () => {
    const res = await mustOk(
      gql(
        server.url,
        CREATE_THREAD,
        { i: { communityId: cast.community.id, title: "\u200BCafé\u200D sospeso", body: "b" } },
        { token: cast.member.token },
      ),
    );
    expect(res.data?.createThread.title).toBe("\u200BCafé\u200D sospeso");
  });
});

describe("request errors", () => {
  const post = (body: unknown) =>
    fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", "apollo-require-preflight": "1" },
      body: JSON.stringify(body),
    }).then(async (res) => ({ status: res.status, ...((await res.json()) as Pick<GqlResult, "errors">) }));

  it("persisted queries are a client's mistake: BAD_USER_INPUT with Apollo's reason", async () => {
    const unknownHash = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: "a".repeat(64) } } });
    expect(unknownHash.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(unknownHash.errors?.[0]?.extensions?.reason).toEqual(expect.any(String));
    const badVersion = await post({
      query: "{ viewer { id } }",
      extensions: { persistedQuery: { version: 2, sha256Hash: "a".repeat(64) } },
    });
    expect(badVersion.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const wrongHash = await post({
      query: "{ viewer { id } }",
      extensions: { persistedQuery: { version: 1, sha256Hash: "a".repeat(64) } },
    });
    expect(wrongHash.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const noQuery = await post({});
    expect(noQuery.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
