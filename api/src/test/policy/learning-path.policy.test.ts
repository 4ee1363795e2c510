import { describe, expect, it } from "vitest";
import {
  canCreatePath,
  canEditPath,
  canSeePath,
  canTrackProgress,
  seesDraftPaths,
} from "../../modules/library/learning-path.policy.js";
import { ACTIVE, ALL, accessOf, allowed, MODERATORS, NOBODY, READERS_OF_MEMBERS_ONLY, type Who } from "./standings.js";

const a = (who: Who) => accessOf(who);
const DRAFT = { status: "DRAFT" as const };
const PUBLISHED = { status: "PUBLISHED" as const };

describe("learning-path policy: who × state → allowed", () => {
  const table: [string, (who: Who) => boolean, readonly Who[]][] = [
    ["sees a PUBLISHED path", (w) => canSeePath(a(w), PUBLISHED), ALL],
    [
      "sees a PUBLISHED path of a MEMBERS community",
      (w) => canSeePath(accessOf(w, "MEMBERS"), PUBLISHED),
      READERS_OF_MEMBERS_ONLY,
    ],
    ["sees a DRAFT path", (w) => canSeePath(a(w), DRAFT), MODERATORS],
    ["is listed the drafts", (w) => seesDraftPaths(a(w)), MODERATORS],
    ["builds a path", (w) => canCreatePath(a(w)), MODERATORS],
    ["edits a path", (w) => canEditPath(a(w)), MODERATORS],
    ["tracks progress on a PUBLISHED path", (w) => canTrackProgress(a(w), PUBLISHED), ACTIVE],
    ["tracks progress on a DRAFT path", (w) => canTrackProgress(a(w), DRAFT), NOBODY],
  ];

  it.each(table)("%s", (_, rule, expected) => {
    expect(allowed(rule)).toEqual([...expected]);
  });
});
