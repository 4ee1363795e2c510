import { describe, expect, it } from "vitest";
import { canJoin, canModerate, canRead, canWrite, isActiveMember } from "../../modules/community/community.policy.js";
import { canSeeHidden } from "../../modules/hidden-content/hidden-content.policy.js";
import { canReact, canReply } from "../../modules/thread/thread.policy.js";
import { accessOf, UNSANCTIONED, VIEWERS } from "./standings.js";

const until = new Date("2030-01-01T00:00:00Z");
const member = { role: "MEMBER", status: "ACTIVE", ...UNSANCTIONED } as const;
const facilitator = { role: "FACILITATOR", status: "ACTIVE", ...UNSANCTIONED } as const;
const community = { id: "community", visibility: "MEMBERS", archivedAt: null } as const;

describe("a sanction on a membership (community.policy.ts)", () => {
  it.each([
    ["no sanction", member, { active: true, reads: true, writes: true, joins: true }],
    ["suspended", { ...member, suspendedUntil: until }, { active: false, reads: false, writes: false, joins: false }],
    ["restricted", { ...member, restrictedUntil: until }, { active: true, reads: true, writes: false, joins: false }],
  ] as const)("%s: active, reads a members-only community, writes, joins again", (_label, m, expected) => {
    const a = { community, viewer: VIEWERS.member, membership: m };
    expect({
      active: isActiveMember(m),
      reads: canRead(community, VIEWERS.member, m),
      writes: canWrite(a),
      joins: canJoin(community, m),
    }).toEqual(expected);
    // Every module's write builds on canWrite.
    expect(canReply(a, { locked: false })).toBe(expected.writes);
    expect(canReact(a)).toBe(expected.writes);
  });

  it("a suspended facilitator neither moderates nor reads hidden content of others", () => {
    const m = { ...facilitator, suspendedUntil: until };
    expect(canModerate(VIEWERS.facilitator, m)).toBe(false);
    expect(canSeeHidden({ community, viewer: VIEWERS.facilitator, membership: m }, "someone-else")).toBe(false);
  });

  it("a restricted facilitator still moderates (the restriction is about writing content)", () => {
    expect(canModerate(VIEWERS.facilitator, { ...facilitator, restrictedUntil: until })).toBe(true);
  });

  it("the standings used by the other policy matrices carry no sanction", () => {
    expect(canWrite(accessOf("member"))).toBe(true);
  });
});
