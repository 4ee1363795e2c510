import type { ResourceRow } from "@pratica/db";
import { describe, expect, it } from "vitest";
import {
  canCurate,
  canEditResource,
  canPropose,
  canSeeDecisions,
  canSeeResource,
  canUseResource,
  countsTowardProgress,
} from "../../modules/library/resource.policy.js";
import {
  ACTIVE,
  ALL,
  accessOf,
  allowed,
  MODERATORS,
  NOBODY,
  READERS_OF_MEMBERS_ONLY,
  SIGNED_IN,
  type Who,
} from "./standings.js";

type Status = ResourceRow["status"];
const a = (who: Who) => accessOf(who);
const own = (who: Who, status: Status) => ({ status, proposerId: who });
const others = (status: Status) => ({ status, proposerId: "someone-else" });

describe("resource policy: who × state → allowed", () => {
  const table: [string, (who: Who) => boolean, readonly Who[]][] = [
    ["proposes material", (w) => canPropose(a(w)), ACTIVE],
    ["curates", (w) => canCurate(a(w)), MODERATORS],
    ["sees PUBLISHED material", (w) => canSeeResource(a(w), others("PUBLISHED")), ALL],
    [
      "sees FEATURED material in a MEMBERS community",
      (w) => canSeeResource(accessOf(w, "MEMBERS"), others("FEATURED")),
      READERS_OF_MEMBERS_ONLY,
    ],
    ["sees someone else's PROPOSED material", (w) => canSeeResource(a(w), others("PROPOSED")), MODERATORS],
    [
      "sees their own PROPOSED material",
      (w) => canSeeResource(a(w), own(w, "PROPOSED")),
      ALL.filter((w) => w !== "anonymous"),
    ],
    ["edits their own PROPOSED material", (w) => canEditResource(a(w), own(w, "PROPOSED")), ACTIVE],
    ["edits their own CHANGES_REQUESTED material", (w) => canEditResource(a(w), own(w, "CHANGES_REQUESTED")), ACTIVE],
    ["edits their own PUBLISHED material", (w) => canEditResource(a(w), own(w, "PUBLISHED")), NOBODY],
    ["edits someone else's PROPOSED material", (w) => canEditResource(a(w), others("PROPOSED")), NOBODY],
    ["sees the curation history of their own material", (w) => canSeeDecisions(a(w), own(w, "PROPOSED")), SIGNED_IN],
    ["sees the curation history of someone else's", (w) => canSeeDecisions(a(w), others("PROPOSED")), MODERATORS],
    ["saves, votes on PUBLISHED material", (w) => canUseResource(a(w), others("PUBLISHED")), ACTIVE],
    ["saves, votes on ARCHIVED material", (w) => canUseResource(a(w), others("ARCHIVED")), NOBODY],
  ];

  it.each(table)("%s", (_, rule, expected) => {
    expect(allowed(rule)).toEqual([...expected]);
  });

  it.each([
    ["PUBLISHED", true],
    ["FEATURED", true],
    ["ARCHIVED", false],
    ["PROPOSED", false],
  ] as const)("a step on %s material counts toward progress: %s", (status, expected) => {
    expect(countsTowardProgress({ status })).toBe(expected);
  });
});
