import { describe, expect, it } from "vitest";
import { METRO_MUNICIPALITIES, TORINO_MUNICIPALITY_CODE } from "./municipalities.js";

describe("METRO_MUNICIPALITIES", () => {
  it("has the 312 municipalities of the metropolitan area of Torino with unique ISTAT codes", () => {
    expect(METRO_MUNICIPALITIES).toHaveLength(312);
    expect(new Set(METRO_MUNICIPALITIES.map((m) => m.code)).size).toBe(312);
    expect(METRO_MUNICIPALITIES.find((m) => m.name === "Torino")?.code).toBe(TORINO_MUNICIPALITY_CODE);
    expect(TORINO_MUNICIPALITY_CODE).toBe("001272");
  });
});
