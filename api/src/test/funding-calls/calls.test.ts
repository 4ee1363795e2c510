import { randomUUID } from "node:crypto";
import { organizations } from "@pratica/db";
import { describe, expect, it } from "vitest";
import { errorCode, type GqlResult } from "../client.js";
import { createFundingCall } from "../factories/funding-call.js";
import { buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { DAY, hooks, NOW, request } from "./support.js";

const server = useTestServer({}, undefined, hooks);
const send = request(() => server.url);

const LIST = `query($first: Int, $after: String, $programme: String, $status: FundingCallStatus, $from: DateTimeISO,
  $to: DateTimeISO, $theme: String, $q: String, $archived: Boolean, $followed: Boolean, $sort: FundingCallSort) {
  fundingCalls(first: $first, after: $after, programme: $programme, status: $status, deadlineFrom: $from,
    deadlineTo: $to, theme: $theme, query: $q, includeArchived: $archived, followed: $followed, sort: $sort) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id identifier } } } }`;
const nodeIds = (connection: { edges: { node: { id: string } }[] } | undefined) =>
  connection?.edges.map((e) => e.node.id);
const ids = (res: GqlResult) => nodeIds(res.data?.fundingCalls);
const at = (days: number) => new Date(NOW.getTime() + days * DAY);

/** Calls whose titles share a word of their own, so each test lists only its calls (query filter). */
const family = () => {
  const word = `fam${randomUUID().slice(0, 8)}`;
  return {
    word,
    build: (o: Parameters<typeof createFundingCall>[1] = {}) =>
      createFundingCall(server.db, { title: `Call ${word}`, ...o }),
  };
};

describe("fundingCalls", () => {
  it("pages by deadline (none last) with keyset cursors, anonymous; a forged cursor is BAD_USER_INPUT", async () => {
    const f = family();
    const late = await f.build({ deadlineAt: at(40) });
    const none = await f.build({ deadlineAt: null });
    const soon = await f.build({ deadlineAt: at(10) });
    const mid = await f.build({ deadlineAt: at(20) });
    const first = await send(undefined, LIST, { q: f.word, first: 2 });
    expect(first.data?.fundingCalls.totalCount).toBe(4);
    expect(ids(first)).toEqual([soon.id, mid.id]);
    const second = await send(undefined, LIST, {
      q: f.word,
      first: 2,
      after: first.data?.fundingCalls.pageInfo.endCursor,
    });
    expect(ids(second)).toEqual([late.id, none.id]);
    expect(second.data?.fundingCalls.pageInfo.hasNextPage).toBe(false);
    const third = await send(undefined, LIST, {
      q: f.word,
      first: 2,
      after: second.data?.fundingCalls.pageInfo.endCursor,
    });
    expect(ids(third)).toEqual([]);
    expect(errorCode(await send(undefined, LIST, { after: "bogus" }))).toBe("BAD_USER_INPUT");
    const byUpdate = await send(undefined, LIST, { q: f.word, sort: "UPDATED", first: 3 });
    expect(ids(byUpdate)).toHaveLength(3);
    const rest = await send(undefined, LIST, {
      q: f.word,
      sort: "UPDATED",
      after: byUpdate.data?.fundingCalls.pageInfo.endCursor,
    });
    expect(new Set([...(ids(byUpdate) ?? []), ...(ids(rest) ?? [])]).size).toBe(4);
  });

  it("filters by programme, status, deadline range, theme, words; archived only when asked", async () => {
    const f = family();
    const erasmus = await f.build({ programme: "ERASMUS_PLUS", themes: ["youth-employment"], deadlineAt: at(30) });
    const forthcoming = await f.build({ status: "FORTHCOMING", deadlineAt: at(90), keywords: ["brandnewkeyword"] });
    const archived = await f.build({ status: "CLOSED", archivedAt: NOW, deadlineAt: at(-5) });
    const horizon = await f.build({ deadlineAt: at(5) });
    expect(ids(await send(undefined, LIST, { q: f.word, programme: "ERASMUS_PLUS" }))).toEqual([erasmus.id]);
    expect(ids(await send(undefined, LIST, { q: f.word, status: "FORTHCOMING" }))).toEqual([forthcoming.id]);
    expect(ids(await send(undefined, LIST, { q: f.word, from: at(10), to: at(60) }))).toEqual([erasmus.id]);
    expect(ids(await send(undefined, LIST, { q: f.word, theme: "youth-employment" }))).toEqual([erasmus.id]);
    expect(ids(await send(undefined, LIST, { q: "brandnewkeyword" }))).toEqual([forthcoming.id]);
    expect(ids(await send(undefined, LIST, { q: f.word }))).toEqual([horizon.id, erasmus.id, forthcoming.id]);
    expect(ids(await send(undefined, LIST, { q: f.word, archived: true }))).toContain(archived.id);
    // "%" and "_" are letters to search for, not patterns.
    expect(ids(await send(undefined, LIST, { q: `${f.word}%` }))).toEqual([]);
  });

  it("refuses unknown filters with BAD_USER_INPUT naming them", async () => {
    const field = async (vars: Record<string, unknown>) => {
      const res = await send(undefined, LIST, vars);
      expect(errorCode(res)).toBe("BAD_USER_INPUT");
      return res.errors?.[0]?.extensions?.field;
    };
    expect(await field({ programme: "NOPE" })).toBe("programme");
    expect(await field({ theme: "nope" })).toBe("theme");
    expect(await field({ q: "x".repeat(201) })).toBe("query");
    expect(await field({ from: at(10), to: at(1) })).toBe("deadlineTo");
    expect(await field({ first: 0 })).toBe("first");
    expect(errorCode(await send(undefined, LIST, { followed: true }))).toBe("UNAUTHENTICATED");
  });

  it("lists the programmes present in the vocabulary's order", async () => {
    await createFundingCall(server.db, { programme: "LIFE" });
    await createFundingCall(server.db, { programme: "CERV" });
    const res = await send(undefined, "{ fundingProgrammes }");
    const list: string[] = res.data?.fundingProgrammes;
    expect(list.indexOf("CERV")).toBeGreaterThan(list.indexOf("HORIZON"));
    expect(list.indexOf("LIFE")).toBeGreaterThan(list.indexOf("CERV"));
  });

  it("closingSoon: open with the deadline within 14 days of the clock's now", async () => {
    const CLOSING = `query($id: ID!) { fundingCall(id: $id) { closingSoon } }`;
    const soon = await createFundingCall(server.db, { deadlineAt: at(13) });
    const later = await createFundingCall(server.db, { deadlineAt: at(15) });
    const passed = await createFundingCall(server.db, { deadlineAt: at(-1) });
    const closed = await createFundingCall(server.db, { deadlineAt: at(3), status: "CLOSED" });
    const answers = [];
    for (const c of [soon, later, passed, closed]) {
      answers.push((await send(undefined, CLOSING, { id: c.id })).data?.fundingCall.closingSoon);
    }
    expect(answers).toEqual([true, false, false, false]);
  });
});

describe("following", () => {
  const FOLLOW = `mutation($id: ID!) { followFundingCall(id: $id) { id followerCount viewerFollows } }`;
  const UNFOLLOW = `mutation($id: ID!) { unfollowFundingCall(id: $id) { id followerCount viewerFollows } }`;

  it("needs a login; an unknown call is NOT_FOUND; both ways are idempotent; followed lists them", async () => {
    const call = await createFundingCall(server.db);
    const [a, b] = [await buildUser(server.db), await buildUser(server.db)];
    expect(errorCode(await send(undefined, FOLLOW, { id: call.id }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await send(undefined, UNFOLLOW, { id: call.id }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await send(a, FOLLOW, { id: randomUUID() }))).toBe("NOT_FOUND");
    expect(errorCode(await send(a, FOLLOW, { id: "nope" }))).toBe("NOT_FOUND");
    expect((await send(a, FOLLOW, { id: call.id })).data?.followFundingCall).toMatchObject({
      followerCount: 1,
      viewerFollows: true,
    });
    expect((await send(a, FOLLOW, { id: call.id })).data?.followFundingCall.followerCount).toBe(1);
    expect((await send(b, FOLLOW, { id: call.id })).data?.followFundingCall.followerCount).toBe(2);
    expect(ids(await send(a, LIST, { followed: true }))).toEqual([call.id]);
    expect((await send(a, UNFOLLOW, { id: call.id })).data?.unfollowFundingCall).toMatchObject({
      followerCount: 1,
      viewerFollows: false,
    });
    expect((await send(a, UNFOLLOW, { id: call.id })).data?.unfollowFundingCall.followerCount).toBe(1);
    expect(ids(await send(a, LIST, { followed: true }))).toEqual([]);
  });
});

describe("matching", () => {
  const MATCHING = `query($org: ID!) { matchingFundingCalls(organizationId: $org, first: 50) { totalCount edges { node { id } } } }`;

  it("calls sharing a theme or fitting the category, neither closed nor archived; also on the organisation", async () => {
    const [org] = await server.db
      .insert(organizations)
      .values({
        slug: `o-${randomUUID().slice(0, 8)}`,
        name: "Cooperativa Matching",
        category: "THIRD_SECTOR_AND_CULTURE",
        themes: ["urban-regeneration"],
      })
      .returning();
    if (!org) throw new Error("no org");
    const byTheme = await createFundingCall(server.db, {
      programme: "LIFE",
      themes: ["urban-regeneration"],
      deadlineAt: at(1),
    });
    const byCategory = await createFundingCall(server.db, {
      programme: "CREATIVE_EUROPE",
      themes: [],
      deadlineAt: at(2),
    });
    const neither = await createFundingCall(server.db, {
      programme: "DIGITAL",
      themes: ["pro-bono"],
      deadlineAt: at(3),
    });
    const closed = await createFundingCall(server.db, {
      programme: "CERV",
      themes: ["urban-regeneration"],
      status: "CLOSED",
      deadlineAt: at(4),
    });
    const archived = await createFundingCall(server.db, { programme: "CERV", archivedAt: NOW, deadlineAt: at(5) });
    const found = nodeIds((await send(undefined, MATCHING, { org: org.id })).data?.matchingFundingCalls);
    expect(found).toContain(byTheme.id);
    expect(found).toContain(byCategory.id);
    for (const c of [neither, closed, archived]) expect(found).not.toContain(c.id);
    const onOrg = await send(
      undefined,
      `query($s: String!) { organization(slug: $s) { matchingFundingCalls(first: 2) { id } } }`,
      {
        s: org.slug,
      },
    );
    expect(onOrg.data?.organization.matchingFundingCalls.map((c: { id: string }) => c.id)).toEqual([
      byTheme.id,
      byCategory.id,
    ]);
    expect(errorCode(await send(undefined, MATCHING, { org: randomUUID() }))).toBe("NOT_FOUND");
  });
});
