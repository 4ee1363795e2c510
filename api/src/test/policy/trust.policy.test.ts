import { describe, expect, it } from "vitest";
import { canSeeTrust, canVouch, moderatesMember } from "../../modules/trust/trust.policy.js";
import { allowed, MEMBERSHIPS, VIEWERS, type Who } from "./standings.js";

// Each viewer's standing in the community "c" the person belongs to (as an active member, or only pending).
const mine = (who: Who) => {
  const m = MEMBERSHIPS[who];
  return m ? [{ communityId: "c", ...m }] : [];
};
const theirs = (status: "ACTIVE" | "PENDING") => [
  { communityId: "c", role: "MEMBER" as const, status, suspendedUntil: null, restrictedUntil: null },
];

describe("trust policy: who × state → allowed", () => {
  it.each([
    ["moderates an active member of the community", "ACTIVE", ["facilitator", "admin"]],
    ["moderates someone who only asked to join", "PENDING", ["admin"]],
  ] as const)("%s", (_, status, expected) => {
    expect(allowed((w) => moderatesMember(VIEWERS[w], mine(w), theirs(status)))).toEqual([...expected]);
  });

  it("vouches for a new active member: those who moderate them; for a trusted one: nobody", () => {
    const may = (w: Who, trusted: boolean) =>
      canVouch(VIEWERS[w], moderatesMember(VIEWERS[w], mine(w), theirs("ACTIVE")), trusted);
    expect(allowed((w) => may(w, false))).toEqual(["facilitator", "admin"]);
    expect(allowed((w) => may(w, true))).toEqual([]);
  });

  it("sees whether the member is still new: the member themself and those who moderate them", () => {
    const sees = (w: Who) =>
      canSeeTrust(VIEWERS[w], { id: "member" }, moderatesMember(VIEWERS[w], mine(w), theirs("ACTIVE")));
    expect(allowed(sees)).toEqual(["member", "facilitator", "admin"]);
  });
});
