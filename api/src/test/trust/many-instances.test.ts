import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { errorCode } from "../client.js";
import { addMember, buildCommunity, buildThread, buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import {
  ADD_POST,
  buildNewMember,
  CREATE_THREAD,
  countPostsBy,
  countThreadsBy,
  overHttp,
  postInput,
  threadInput,
} from "./new-member.js";

// CI sets TEST_REDIS_URL (and starts Redis); without it this part is skipped, loudly.
const redisUrl = process.env.TEST_REDIS_URL;
if (!redisUrl) console.warn("TEST_REDIS_URL is not set: skipping the two-instance new-member limit tests");

describe.skipIf(!redisUrl)("new-member limits across two api instances sharing Redis", () => {
  const env = { REDIS_URL: redisUrl as string };
  // This run's own counters: parallel files and earlier runs never share them.
  const hooks = { newMemberKeyPrefix: `new-member-test-${randomUUID()}` };
  const a = useTestServer(env, undefined, hooks);
  const b = useTestServer(env, () => a.database, hooks);

  it("replies: two on A and one on B spend the minute's three; the fourth is refused on either", async () => {
    const community = await buildCommunity(a.db);
    const member = await buildNewMember(a.db);
    await addMember(a.db, community, member);
    const thread = await buildThread(a.db, community, await buildUser(a.db));
    const [onA, onB] = [overHttp(a.url, member.token).send, overHttp(b.url, member.token).send];
    expect((await onA(ADD_POST, postInput(thread.id, "one on A"))).errors).toBeUndefined();
    expect((await onB(ADD_POST, postInput(thread.id, "two on B"))).errors).toBeUndefined();
    expect((await onA(ADD_POST, postInput(thread.id, "three on A"))).errors).toBeUndefined();
    expect(errorCode(await onB(ADD_POST, postInput(thread.id, "four on B")))).toBe("RATE_LIMITED");
    expect(errorCode(await onA(ADD_POST, postInput(thread.id, "four on A")))).toBe("RATE_LIMITED");
    expect(await countPostsBy(a.db, member.id)).toBe(3);
  });

  it("threads: concurrent attempts on both instances admit exactly the day's three", async () => {
    const community = await buildCommunity(a.db);
    const member = await buildNewMember(a.db);
    await addMember(a.db, community, member);
    const sends = [overHttp(a.url, member.token).send, overHttp(b.url, member.token).send];
    const answers = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) => sends[n % 2]?.(CREATE_THREAD, threadInput(community.id, n))),
    );
    const codes = answers.map((r) => (r ? (errorCode(r) ?? "ok") : "none")).sort();
    expect(codes).toEqual(["RATE_LIMITED", "RATE_LIMITED", "RATE_LIMITED", "ok", "ok", "ok"]);
    expect(await countThreadsBy(a.db, member.id)).toBe(3);
  });
});
