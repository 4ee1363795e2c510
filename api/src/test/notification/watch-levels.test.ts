import { notifications, watches } from "@pratica/db";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { communityLevel, hears, threadLevel } from "../../modules/notification/watch-levels.js";
import { errorCode, gql } from "../client.js";
import { buildCast, buildDocument, type Cast } from "../deliverable/setup.js";
import { addMember, buildCommunity, buildThread, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";

const server = useTestServer();

const ADD = `mutation($i: AddPostInput!) { addPost(input: $i) { id } }`;
const CREATE = `mutation($i: CreateThreadInput!) { createThread(input: $i) { id } }`;
const SET = `mutation($i: SetWatchLevelInput!) { setWatchLevel(input: $i) { scope scopeId level explicit source } }`;
const LEVELS = `query($t: ID!, $slug: String!) {
  thread(id: $t) { viewerWatchLevel { level explicit source } }
  community(slug: $slug) { viewerWatchLevel { level explicit source } } }`;
const PROPOSE = `mutation($i: ProposeAmendmentInput!) { proposeAmendment(input: $i) { id } }`;

const notified = async (user: TestUser) =>
  server.db
    .select({ kind: notifications.kind, threadId: notifications.threadId })
    .from(notifications)
    .where(eq(notifications.userId, user.id));
const watchRows = async (user: TestUser) => server.db.select().from(watches).where(eq(watches.userId, user.id));
const reply = async (who: TestUser, threadId: string, body = "A reply") => {
  const res = await gql(server.url, ADD, { i: { threadId, body } }, { token: who.token });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data?.addPost.id as string;
};
const setLevel = (who: TestUser | null, input: Record<string, unknown>) =>
  gql(server.url, SET, { i: input }, { token: who?.token });

async function cast(visibility: "PUBLIC" | "MEMBERS" = "PUBLIC") {
  const community = await buildCommunity(server.db, { visibility });
  const [author, replier, member, facilitator, outsider] = await Promise.all(
    Array.from({ length: 5 }, () => buildUser(server.db)),
  );
  const people = { author, replier, member, facilitator, outsider } as Record<string, TestUser>;
  for (const who of ["author", "replier", "member"]) await addMember(server.db, community, people[who] as TestUser);
  await addMember(server.db, community, people.facilitator as TestUser, "FACILITATOR");
  const thread = await buildThread(server.db, community, people.author as TestUser);
  return { community, thread, ...(people as { [K in keyof typeof people]: TestUser }) } as {
    community: typeof community;
    thread: typeof thread;
    author: TestUser;
    replier: TestUser;
    member: TestUser;
    facilitator: TestUser;
    outsider: TestUser;
  };
}

describe("watch levels, the rules", () => {
  it("a thread's own choice beats the community's, which beats taking part", () => {
    expect(threadLevel({ own: "MUTED", container: "WATCHING" }, true)).toEqual({ level: "MUTED", source: "EXPLICIT" });
    expect(threadLevel({ container: "MUTED" }, true)).toEqual({ level: "MUTED", source: "COMMUNITY" });
    expect(threadLevel({}, true)).toEqual({ level: "WATCHING", source: "STARTED_OR_REPLIED" });
    expect(threadLevel({}, false)).toEqual({ level: "NORMAL", source: "DEFAULT" });
    expect(communityLevel(undefined, true)).toEqual({ level: "WATCHING", source: "FACILITATOR" });
    expect(communityLevel("NORMAL", true)).toEqual({ level: "NORMAL", source: "EXPLICIT" });
  });
  it("WATCHING hears everything, TRACKING and NORMAL only what is about them, MUTED nothing", () => {
    expect([hears("WATCHING", "activity"), hears("TRACKING", "activity"), hears("NORMAL", "activity")]).toEqual([
      true,
      false,
      false,
    ]);
    expect([hears("TRACKING", "personal"), hears("NORMAL", "personal"), hears("MUTED", "personal")]).toEqual([
      true,
      true,
      false,
    ]);
  });
});

describe("who is told, by watch level", () => {
  it("by default: those who started or replied to a thread hear every reply; other members do not", async () => {
    const c = await cast();
    await reply(c.replier, c.thread.id);
    await reply(c.member, c.thread.id, "I join in");
    expect(await notified(c.author)).toHaveLength(2);
    // The replier took part before the member's reply: they hear it.
    expect((await notified(c.replier)).map((n) => n.kind)).toEqual(["REPLY_TO_THREAD"]);
    expect(await notified(c.facilitator)).toEqual([]);
  });

  it("by default facilitators hear of new threads; members do not", async () => {
    const c = await cast();
    const res = await gql(
      server.url,
      CREATE,
      { i: { communityId: c.community.id, title: "A new question", body: `What do you think, @${c.member.handle}?` } },
      { token: c.author.token },
    );
    const threadId = res.data?.createThread.id as string;
    expect(await notified(c.facilitator)).toEqual([{ kind: "NEW_THREAD", threadId }]);
    // Mentioned in the opening post: told as a mention.
    expect(await notified(c.member)).toEqual([{ kind: "MENTION", threadId }]);
    expect(await notified(c.replier)).toEqual([]);
    expect(await notified(c.author)).toEqual([]);
  });

  it("a member watching a community hears every new thread and every reply in it", async () => {
    const c = await cast();
    expect((await setLevel(c.member, { communityId: c.community.id, level: "WATCHING" })).data?.setWatchLevel).toEqual({
      scope: "COMMUNITY",
      scopeId: c.community.id,
      level: "WATCHING",
      explicit: true,
      source: "EXPLICIT",
    });
    await reply(c.replier, c.thread.id);
    await gql(
      server.url,
      CREATE,
      { i: { communityId: c.community.id, title: "Another one", body: "Opening" } },
      { token: c.author.token },
    );
    expect((await notified(c.member)).map((n) => n.kind).sort()).toEqual(["NEW_THREAD", "REPLY_TO_THREAD"]);
  });

  it("muting a community silences the threads one started; a choice on the thread wins over it", async () => {
    const c = await cast();
    const other = await buildThread(server.db, c.community, c.author);
    await setLevel(c.author, { communityId: c.community.id, level: "MUTED" });
    await setLevel(c.author, { threadId: other.id, level: "WATCHING" });
    await reply(c.replier, c.thread.id);
    await reply(c.replier, other.id);
    expect(await notified(c.author)).toEqual([{ kind: "REPLY_TO_THREAD", threadId: other.id }]);
  });

  it("muted gets nothing, not even a mention or a reply to their post; NORMAL still hears mentions", async () => {
    const c = await cast();
    await setLevel(c.author, { threadId: c.thread.id, level: "MUTED" });
    await setLevel(c.member, { threadId: c.thread.id, level: "NORMAL" });
    await reply(c.replier, c.thread.id, `@${c.author.handle} and @${c.member.handle}, see this`);
    expect(await notified(c.author)).toEqual([]);
    expect((await notified(c.member)).map((n) => n.kind)).toEqual(["MENTION"]);
  });

  it("TRACKING: no notice of replies, but mentions come through", async () => {
    const c = await cast();
    await setLevel(c.author, { threadId: c.thread.id, level: "TRACKING" });
    await reply(c.replier, c.thread.id);
    expect(await notified(c.author)).toEqual([]);
    await reply(c.replier, c.thread.id, `@${c.author.handle}?`);
    expect((await notified(c.author)).map((n) => n.kind)).toEqual(["MENTION"]);
  });

  it("never tells someone who cannot read: a watcher of a members-only community who is not (or no longer) a member", async () => {
    const c = await cast("MEMBERS");
    const pending = await buildUser(server.db);
    await addMember(server.db, c.community, pending, "MEMBER", "PENDING");
    // Rows as left behind by someone who has since lost access.
    for (const who of [c.outsider, pending]) {
      await server.db
        .insert(watches)
        .values({ userId: who.id, scope: "COMMUNITY", scopeId: c.community.id, level: "WATCHING" });
      await server.db
        .insert(watches)
        .values({ userId: who.id, scope: "THREAD", scopeId: c.thread.id, level: "WATCHING" });
    }
    await reply(c.replier, c.thread.id, `@${c.outsider.handle} @${pending.handle}`);
    await gql(
      server.url,
      CREATE,
      { i: { communityId: c.community.id, title: "Members only", body: "Opening" } },
      { token: c.author.token },
    );
    expect(await notified(c.outsider)).toEqual([]);
    expect(await notified(pending)).toEqual([]);
  });

  it("a document's watch level: watchers among the members hear of amendments, a muted editor does not", async () => {
    const docCast: Cast = await buildCast(server);
    const doc = await buildDocument(server, docCast, "REVIEW");
    await setLevel(docCast.facilitator, { deliverableId: doc.id, level: "WATCHING" });
    await setLevel(docCast.coEditor, { deliverableId: doc.id, level: "MUTED" });
    const res = await gql(
      server.url,
      PROPOSE,
      { i: { sectionId: doc.sections[0]?.id, body: "A better preamble.", rationale: "Clearer." } },
      { token: docCast.member.token },
    );
    expect(res.errors).toBeUndefined();
    const kinds = async (u: TestUser) =>
      (await server.db.select().from(notifications).where(eq(notifications.userId, u.id))).map((n) => n.kind);
    expect(await kinds(docCast.facilitator)).toEqual(["AMENDMENT_PROPOSED"]);
    expect(await kinds(docCast.coEditor)).toEqual([]);
    expect(await kinds(docCast.editor)).toEqual(["AMENDMENT_PROPOSED"]);
  });
});

describe("setWatchLevel and viewerWatchLevel", () => {
  let c: Awaited<ReturnType<typeof cast>>;
  beforeAll(async () => {
    c = await cast("MEMBERS");
  });

  it("requires login, changing nothing", async () => {
    expect(errorCode(await setLevel(null, { threadId: c.thread.id, level: "MUTED" }))).toBe("UNAUTHENTICATED");
    expect(await server.db.select().from(watches).where(eq(watches.scopeId, c.thread.id))).toEqual([]);
  });

  it("refuses no scope or two scopes (BAD_USER_INPUT, field scope), changing nothing", async () => {
    for (const input of [{ level: "MUTED" }, { threadId: c.thread.id, communityId: c.community.id, level: "MUTED" }]) {
      const res = await setLevel(c.member, input);
      expect(errorCode(res)).toBe("BAD_USER_INPUT");
      expect(res.errors?.[0]?.extensions?.field).toBe("scope");
    }
    expect(await watchRows(c.member)).toEqual([]);
  });

  it("answers NOT_FOUND for what the viewer cannot read (or what does not exist), changing nothing", async () => {
    for (const input of [
      { threadId: c.thread.id },
      { communityId: c.community.id },
      { threadId: "00000000-0000-4000-8000-000000000000" },
      { deliverableId: "not-an-id" },
    ]) {
      expect(errorCode(await setLevel(c.outsider, { ...input, level: "WATCHING" }))).toBe("NOT_FOUND");
    }
    expect(await watchRows(c.outsider)).toEqual([]);
  });

  it("a draft document only its community's members see is NOT_FOUND to others", async () => {
    const docCast: Cast = await buildCast(server);
    const doc = await buildDocument(server, docCast, "DRAFT");
    expect(errorCode(await setLevel(docCast.outsider, { deliverableId: doc.id, level: "WATCHING" }))).toBe("NOT_FOUND");
    expect(await watchRows(docCast.outsider)).toEqual([]);
  });

  it("an account whose address is not confirmed yet may choose too (it writes no content)", async () => {
    const unconfirmed = await buildUser(server.db, { emailVerifiedAt: null });
    await addMember(server.db, c.community, unconfirmed);
    const res = await setLevel(unconfirmed, { threadId: c.thread.id, level: "MUTED" });
    expect(res.data?.setWatchLevel).toMatchObject({ level: "MUTED", explicit: true });
  });

  it("shows the level in force and why; null takes the explicit choice back", async () => {
    const read = async (who: TestUser) =>
      (await gql(server.url, LEVELS, { t: c.thread.id, slug: c.community.slug }, { token: who.token })).data;
    expect(await read(c.author)).toEqual({
      thread: { viewerWatchLevel: { level: "WATCHING", explicit: false, source: "STARTED_OR_REPLIED" } },
      community: { viewerWatchLevel: { level: "NORMAL", explicit: false, source: "DEFAULT" } },
    });
    expect((await read(c.facilitator))?.community).toEqual({
      viewerWatchLevel: { level: "WATCHING", explicit: false, source: "FACILITATOR" },
    });
    await setLevel(c.author, { communityId: c.community.id, level: "TRACKING" });
    expect((await read(c.author))?.thread).toEqual({
      viewerWatchLevel: { level: "TRACKING", explicit: false, source: "COMMUNITY" },
    });
    const cleared = await setLevel(c.author, { communityId: c.community.id, level: null });
    expect(cleared.data?.setWatchLevel).toMatchObject({ level: "NORMAL", explicit: false, source: "DEFAULT" });
    expect(
      await server.db
        .select()
        .from(watches)
        .where(and(eq(watches.userId, c.author.id), eq(watches.scope, "COMMUNITY"))),
    ).toEqual([]);
  });
});
