import { describe, expect, it } from "vitest";
import {
  canCreateThread,
  canDeletePost,
  canEditPost,
  canModerateThreads,
  canReact,
  canReadThreads,
  canReply,
} from "../../modules/thread/thread.policy.js";
import { ACTIVE, ALL, accessOf, allowed, MODERATORS, NOBODY, READERS_OF_MEMBERS_ONLY, type Who } from "./standings.js";

const a = (who: Who) => accessOf(who);
const ownPost = (who: Who, deletedAt: Date | null = null) => ({ authorId: who, deletedAt });
const othersPost = { authorId: "someone-else", deletedAt: null };

describe("thread policy: who × state → allowed", () => {
  const table: [string, (who: Who) => boolean, readonly Who[]][] = [
    ["reads a PUBLIC community's threads", (w) => canReadThreads(a(w)), ALL],
    ["reads a MEMBERS community's threads", (w) => canReadThreads(accessOf(w, "MEMBERS")), READERS_OF_MEMBERS_ONLY],
    ["starts a thread", (w) => canCreateThread(a(w)), ACTIVE],
    ["replies to an open thread", (w) => canReply(a(w), { locked: false }), ACTIVE],
    ["replies to a locked thread", (w) => canReply(a(w), { locked: true }), ["facilitator"]],
    ["edits their own post", (w) => canEditPost(a(w), ownPost(w)), ACTIVE],
    ["edits their own deleted post", (w) => canEditPost(a(w), ownPost(w, new Date())), NOBODY],
    ["edits someone else's post", (w) => canEditPost(a(w), othersPost), NOBODY],
    ["deletes their own post", (w) => canDeletePost(a(w), ownPost(w)), ["member", "facilitator", "admin"]],
    ["deletes someone else's post", (w) => canDeletePost(a(w), othersPost), MODERATORS],
    ["reacts", (w) => canReact(a(w)), ACTIVE],
    ["moderates threads (pin, lock)", (w) => canModerateThreads(a(w)), MODERATORS],
  ];

  it.each(table)("%s", (_, rule, expected) => {
    expect(allowed(rule)).toEqual([...expected]);
  });
});
