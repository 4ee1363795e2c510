import { describe, expect, it } from "vitest";
import { TAG, TAG_MAX } from "./tags.js";

describe("TAG", () => {
  it("takes single or hyphenated words of any script up to TAG_MAX characters", () => {
    expect(TAG.test("welfare")).toBe(true);
    expect(TAG.test("terzo-settore")).toBe(true);
    expect(TAG.test("città")).toBe(true);
    expect(TAG.test("a".repeat(TAG_MAX))).toBe(true);
    expect(TAG.test("a".repeat(TAG_MAX + 1))).toBe(false);
    expect(TAG.test("-welfare")).toBe(false);
    expect(TAG.test("two words")).toBe(false);
  });
});
