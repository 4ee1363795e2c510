import { describe, expect, it } from "vitest";
import { canSeePrivateProfile } from "../../modules/identity/user.policy.js";
import { allowed, VIEWERS } from "./standings.js";

describe("user policy: who × state → allowed", () => {
  it.each([
    ["sees the member's email and memberships", { id: "member" }, ["member", "admin"]],
    ["sees someone else's", { id: "someone-else" }, ["admin"]],
  ] as const)("%s", (_, user, expected) => {
    expect(allowed((w) => canSeePrivateProfile(VIEWERS[w], user))).toEqual([...expected]);
  });
});
