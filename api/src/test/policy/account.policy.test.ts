import { describe, expect, it } from "vitest";
import { isLastAdmin, orphanedDocuments, soleFacilitatorOf } from "../../modules/account/account.policy.js";

// What keeps an account from being deleted: the platform's state, not the asker's role (only the
// account holder can ask). Each row: the state → whether the deletion is refused.
describe("account policy: state → refused", () => {
  it.each([
    ["an admin, the only one", "ADMIN", 1, true],
    ["an admin among two", "ADMIN", 2, false],
    ["a member, whatever the admins", "USER", 1, false],
  ] as const)("last admin: %s", (_, role, admins, refused) => {
    expect(isLastAdmin(role, admins)).toBe(refused);
  });

  it.each([
    ["the only facilitator", 1, true],
    ["one of two facilitators", 2, false],
  ] as const)("community: %s", (_, facilitators, refused) => {
    expect(soleFacilitatorOf([{ facilitators }]).length > 0).toBe(refused);
  });

  it.each([
    ["the sole editor, no facilitator to take over", 0, [], true],
    ["the sole editor, a facilitator takes over", 0, ["f"], false],
    ["one of two editors, no facilitator", 1, [], false],
  ] as const)("document: %s", (_, otherEditors, successors, refused) => {
    expect(orphanedDocuments([{ otherEditors, successors: [...successors] }]).length > 0).toBe(refused);
  });
});
