import type { ModerationCaseRow } from "@pratica/db";
import { describe, expect, it } from "vitest";
import {
  authorWasTold,
  canAppeal,
  canDecideAppeal,
  canDecideCase,
  canMessage,
  canSeeCase,
  isCaseModerator,
} from "../../modules/moderation/moderation.policy.js";
import {
  APPEAL_WINDOW_DAYS,
  appealDeadline,
  nextState,
  scopeOf,
} from "../../modules/moderation/moderation.workflow.js";
import { MEMBERSHIPS, VIEWERS, WHO, type Who } from "./standings.js";

type Case = Pick<
  ModerationCaseRow,
  "communityId" | "targetAuthorId" | "state" | "decidedBy" | "decidedAt" | "autoHiddenAt" | "action"
>;
const DAY = 24 * 60 * 60 * 1000;
const decidedAt = new Date("2026-12-01T10:00:00Z");
const caseOf = (over: Partial<Case> = {}): Case => ({
  communityId: "community",
  targetAuthorId: "author",
  state: "OPEN",
  decidedBy: null,
  decidedAt: null,
  autoHiddenAt: null,
  action: null,
  ...over,
});
const who = (w: Who) => [VIEWERS[w], MEMBERSHIPS[w]] as const;
const allowedFor = (check: (w: Who) => boolean) => WHO.filter(check);

describe("moderation policy", () => {
  it("a community case's moderators: its facilitators and the admins; a profile's: the admins", () => {
    expect(allowedFor((w) => isCaseModerator(...oneOf(w, caseOf())))).toEqual(["facilitator", "admin"]);
    expect(allowedFor((w) => isCaseModerator(...oneOf(w, caseOf({ communityId: null }))))).toEqual(["admin"]);
  });

  it("never the author of the target, even an admin or a facilitator", () => {
    const own = caseOf({ targetAuthorId: "admin" });
    expect(isCaseModerator(VIEWERS.admin, own, null)).toBe(false);
    const facilitatorsOwn = caseOf({ targetAuthorId: "facilitator" });
    expect(isCaseModerator(VIEWERS.facilitator, facilitatorsOwn, MEMBERSHIPS.facilitator)).toBe(false);
  });

  it("decides open and actioned cases only", () => {
    for (const state of ["OPEN", "ACTIONED"] as const)
      expect(canDecideCase(VIEWERS.admin, caseOf({ state }), null)).toBe(true);
    for (const state of ["DISMISSED", "APPEALED", "UPHELD", "OVERTURNED"] as const)
      expect(canDecideCase(VIEWERS.admin, caseOf({ state }), null)).toBe(false);
  });

  it("an appeal is decided by a moderator other than the one who decided", () => {
    const appealed = caseOf({ state: "APPEALED", decidedBy: "facilitator", decidedAt, action: "HIDE" });
    expect(canDecideAppeal(VIEWERS.facilitator, appealed, MEMBERSHIPS.facilitator)).toBe(false);
    expect(canDecideAppeal(VIEWERS.admin, appealed, null)).toBe(true);
    expect(canDecideAppeal(VIEWERS.member, appealed, MEMBERSHIPS.member)).toBe(false);
  });

  it(`the author appeals once, while actioned, before ${APPEAL_WINDOW_DAYS} days`, () => {
    const author = { ...VIEWERS.member, id: "author" } as NonNullable<(typeof VIEWERS)["member"]>;
    const actioned = caseOf({ state: "ACTIONED", decidedBy: "facilitator", decidedAt, action: "HIDE" });
    expect(appealDeadline(actioned)).toEqual(new Date(decidedAt.getTime() + 20 * DAY));
    expect(canAppeal(author, actioned, null, new Date(decidedAt.getTime() + 19 * DAY))).toBe(true);
    expect(canAppeal(author, actioned, null, new Date(decidedAt.getTime() + 21 * DAY))).toBe(false);
    expect(canAppeal(author, actioned, { id: "appeal" }, decidedAt)).toBe(false);
    expect(canAppeal(VIEWERS.member, actioned, null, decidedAt)).toBe(false);
    expect(canAppeal(author, { ...actioned, state: "DISMISSED" }, null, decidedAt)).toBe(false);
  });

  it("the author sees and writes once told; reporters see their case; others nothing", () => {
    const author = { ...VIEWERS.member, id: "author" } as NonNullable<(typeof VIEWERS)["member"]>;
    const open = caseOf();
    expect(authorWasTold(open)).toBe(false);
    expect(canSeeCase(author, open, MEMBERSHIPS.member, false)).toBe(false);
    expect(canMessage(author, open, MEMBERSHIPS.member)).toBe(false);
    const autoHidden = caseOf({ autoHiddenAt: decidedAt });
    expect(canSeeCase(author, autoHidden, MEMBERSHIPS.member, false)).toBe(true);
    expect(canMessage(author, autoHidden, MEMBERSHIPS.member)).toBe(true);
    expect(canSeeCase(VIEWERS.member, open, MEMBERSHIPS.member, true)).toBe(true);
    expect(canSeeCase(VIEWERS.member, open, MEMBERSHIPS.member, false)).toBe(false);
    expect(canMessage(VIEWERS.member, autoHidden, MEMBERSHIPS.member)).toBe(false);
  });
});

describe("moderation workflow", () => {
  it("RESTORE of an open case needs hidden content; a profile's sanctions are the platform's", () => {
    expect(nextState("RESTORE", "OPEN", { state: "OPEN", hidden: false })).toBeUndefined();
    expect(nextState("RESTORE", "OPEN", { state: "OPEN", hidden: true })).toBe("DISMISSED");
    expect(nextState("RESTORE", "ACTIONED", { state: "ACTIONED", hidden: false })).toBe("OVERTURNED");
    expect(nextState("HIDE", "ACTIONED", { state: "ACTIONED", hidden: true })).toBeUndefined();
    expect(scopeOf(undefined, { communityId: "c" })).toBe("COMMUNITY");
    expect(scopeOf("COMMUNITY", { communityId: null })).toBe("PLATFORM");
  });
});

function oneOf(w: Who, c: Case) {
  const [viewer, membership] = who(w);
  return [viewer, c, membership] as const;
}
