import { posts } from "@pratica/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { publishThreadEvent, recordThreadEvent } from "../../modules/thread/thread.events.js";
import { addMember, buildCommunity, buildPost, buildThread, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { collect } from "../live.js";
import { hide, unhide } from "./hide.js";

// No @ViewerDependent field: the result would be shared by every subscriber, were it not that
// the hidden post's body is answered per viewer.
const EVENTS = `subscription($threadId: ID!) { threadEvents(threadId: $threadId) {
  __typename
  ... on PostHidden { cursor post { id body hidden moderation { hiddenBy reason } } }
  ... on PostRestored { cursor post { id body hidden moderation { hiddenBy } } }
} }`;
type Event = {
  threadEvents: { __typename: string; post: { id: string; body: string; hidden: boolean; moderation: unknown } };
};

const server = useTestServer();

/** What mod-core's decisions will do in their unit of work: record the event, publish after commit. */
async function emit(
  type: "POST_HIDDEN" | "POST_RESTORED",
  post: { id: string; threadId: string; communityId: string },
  actorId: string,
) {
  const event = await recordThreadEvent(server.db, {
    threadId: post.threadId,
    communityId: post.communityId,
    type,
    postId: post.id,
    actorId,
  });
  publishThreadEvent(server.bus, event);
}

describe("a post hidden while its thread is open", () => {
  it("reaches every subscriber, each with its own answer: the text for the author and the moderators, blank for the others", async () => {
    const community = await buildCommunity(server.db);
    const [author, member, other, facilitator] = await Promise.all([1, 2, 3, 4].map(() => buildUser(server.db)));
    for (const u of [author, member, other]) await addMember(server.db, community, u as TestUser);
    await addMember(server.db, community, facilitator as TestUser, "FACILITATOR");
    const thread = await buildThread(server.db, community, member as TestUser);
    const post = await buildPost(server.db, thread, author as TestUser, "Offensive words");

    const viewers = { author, member, other, facilitator, anonymous: undefined } as const;
    // Each subscription is live once it listens on the thread's topic: one signal per subscriber.
    const joined = Promise.all(Object.keys(viewers).map(() => server.subscribed("thread", thread.id)));
    const subs = Object.fromEntries(
      Object.entries(viewers).map(([name, user]) => [
        name,
        collect<Event>(server.socketFor(user), EVENTS, { threadId: thread.id }),
      ]),
    );
    await joined;

    await hide(server.db, { kind: "POST", id: post.id, communityId: community.id, authorId: (author as TestUser).id });
    await emit("POST_HIDDEN", post, (facilitator as TestUser).id);
    for (const [name, sub] of Object.entries(subs)) {
      await sub.until((d) => d.length >= 1);
      const sees = name === "author" || name === "facilitator";
      expect(sub.data[0]?.threadEvents, name).toMatchObject({
        __typename: "PostHidden",
        post: {
          id: post.id,
          hidden: true,
          body: sees ? "Offensive words" : "",
          moderation: { hiddenBy: "MODERATORS", reason: "OFFENSIVE" },
        },
      });
    }

    await unhide(server.db, "POST", post.id);
    await emit("POST_RESTORED", post, (facilitator as TestUser).id);
    for (const [name, sub] of Object.entries(subs)) {
      await sub.until((d) => d.length >= 2);
      expect(sub.data[1]?.threadEvents, name).toMatchObject({
        __typename: "PostRestored",
        post: { id: post.id, hidden: false, body: "Offensive words", moderation: null },
      });
    }
    // A restored post is the same for everyone again: one shared text.
    expect(subs.member?.results[1]).toEqual(subs.other?.results[1]);
    for (const sub of Object.values(subs)) sub.stop();
    expect(await server.db.select({ id: posts.id }).from(posts).where(eq(posts.id, post.id))).toHaveLength(1);
  });
});
