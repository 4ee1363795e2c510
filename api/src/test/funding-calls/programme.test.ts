import { describe, expect, it } from "vitest";
import { programmeOf } from "../../modules/funding-calls/import/programme.js";
import { themesFor } from "../../modules/funding-calls/import/themes.js";

describe("programmeOf", () => {
  it.each([
    ["HORIZON-CL2-2027-01-TRANSFO-02", "HORIZON"],
    ["HORIZON-MISS-2027-CIT-01-01", "HORIZON"],
    ["ESF-2027-SOCPL-01-SOCIAL-ECONOMY", "ESF_PLUS"],
    ["SOCPL-2026-SOC-ECON", "ESF_PLUS"],
    ["ERASMUS-EDU-2027-PCOOP-ENGO", "ERASMUS_PLUS"],
    ["CERV-2027-EQUAL", "CERV"],
    ["INTERREG-EUROMED-2027-SO4-6", "INTERREG"],
    ["INTERREGVI-ALCOTRA", "INTERREG"],
    ["LIFE-2027-SAP-ENV", "LIFE"],
    ["CREA-CULT-2027-COOP", "CREATIVE_EUROPE"],
    ["DIGITAL-2027-SKILLS-07", "DIGITAL"],
    ["SMP-COSME-2027-SEMP-01", "SMP"],
    ["AMIF-2027-TF2-AG-INTE-01", "AMIF"],
    ["EU4H-2027-PJ-03", "EU4HEALTH"],
    ["EUSPA-2027-1", "EUSPA"],
    ["EMFAF-2027-PIA", "OTHER"],
    ["LIFEX-2027", "OTHER"],
    ["2027-01", "UNKNOWN"],
    ["", "UNKNOWN"],
  ])("%s → %s", (identifier, programme) => {
    expect(programmeOf(identifier)).toBe(programme);
  });
});

describe("themesFor", () => {
  it("maps keywords to the ecosystem's themes, at word starts only", () => {
    expect(themesFor(["social economy", "Circular economy"])).toEqual(["circular-economy", "social-innovation"]);
    expect(themesFor(["Gender equality in the labour market"])).toEqual(["gender-equality"]);
    expect(themesFor(["nanotechnology"])).toEqual([]);
  });
});
