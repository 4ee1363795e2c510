import { describe, expect, it } from "vitest";
import { canSeePrivateProfile, canSeeSessions, canWrite } from "../../modules/identity/user.policy.js";
import { allowed, VIEWERS } from "./standings.js";

describe("user policy: who × state → allowed", () => {
  it.each([
    ["sees the member's email, its confirmation and memberships", { id: "member" }, ["member", "admin"]],
    ["sees someone else's", { id: "someone-else" }, ["admin"]],
  ] as const)("%s", (_, user, expected) => {
    expect(allowed((w) => canSeePrivateProfile(VIEWERS[w], user))).toEqual([...expected]);
  });

  it("sees the member's sessions: the member only", () => {
    expect(allowed((w) => canSeeSessions(VIEWERS[w], { id: "member" }))).toEqual(["member"]);
  });

  it("writes: every confirmed account, none unconfirmed (anonymous callers are each service's to refuse)", () => {
    expect(allowed((w) => VIEWERS[w] !== null && canWrite(VIEWERS[w]))).toEqual([
      "outsider",
      "pending",
      "member",
      "facilitator",
      "admin",
    ]);
    for (const who of ["member", "admin"] as const) {
      const viewer = VIEWERS[who];
      if (viewer) expect(canWrite({ ...viewer, verified: false })).toBe(false);
    }
  });
});
