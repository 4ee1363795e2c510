import { CPV_SUBSET_CSV, cpvCodes } from "@pratica/db";
import { METRO_MUNICIPALITIES } from "@pratica/rules";
import { count } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCpvFile } from "../../cli/cpv-load.js";
import { cpvAncestorCandidates, cpvCheckDigit, cpvLevel } from "../../modules/cpv/check-digit.js";
import { errorCode, gql } from "../client.js";
import { useTestServer } from "../fixture.js";
import { loadSubset, SUBSET_CSV } from "./support.js";

const server = useTestServer();
beforeAll(() => loadSubset(server.db));

const CODE = `query($c: String!) { cpvCode(code: $c) { code checkDigit label nameEn nameIt level
  parent { code } ancestors { code } children { code } } }`;

describe("the CPV check digit", () => {
  it("agrees with codes of the official list", () => {
    for (const known of [
      "90910000-9",
      "77310000-6",
      "45000000-7",
      "03000000-1",
      "85000000-9",
      "55520000-1",
      "79530000-8",
      "98392000-7",
    ]) {
      expect(`${known.slice(0, 8)}-${cpvCheckDigit(known.slice(0, 8))}`).toBe(known);
    }
  });
  it("computes levels and the candidate parents", () => {
    expect(cpvLevel("45000000")).toBe(1);
    expect(cpvLevel("45400000")).toBe(2);
    expect(cpvLevel("90910000")).toBe(3);
    expect(cpvLevel("90911000")).toBe(4);
    expect(cpvLevel("90911200")).toBe(5);
    expect(cpvAncestorCandidates("90911200")).toEqual(["90911000", "90910000", "90900000", "90000000"]);
  });
  it("every shipped code carries the digit the algorithm gives", () => {
    for (const line of SUBSET_CSV.trim().split("\n").slice(1)) {
      const code = line.slice(0, 8);
      expect(line.slice(0, 10), line).toBe(`${code}-${cpvCheckDigit(code)}`);
    }
  });
  it("the seed's embedded copy is the CSV (regenerate: node db/src/seed/data/cpv/embed.mjs)", () => {
    expect(CPV_SUBSET_CSV).toBe(SUBSET_CSV);
  });
});

describe("municipalities", () => {
  it("lists the 312 municipalities of the metropolitan area with unique ISTAT codes", async () => {
    expect(METRO_MUNICIPALITIES).toHaveLength(312);
    expect(new Set(METRO_MUNICIPALITIES.map((m) => m.code)).size).toBe(312);
    expect(METRO_MUNICIPALITIES.find((m) => m.name === "Torino")?.code).toBe("001272");
    for (const m of METRO_MUNICIPALITIES) expect(m.code).toMatch(/^001\d{3}$/);
    const r = await gql(server.url, "{ municipalities { code name } }");
    expect(r.data?.municipalities).toHaveLength(312);
    expect(r.data?.municipalities[0]).toEqual({ code: "001001", name: "Agliè" });
  });
});

describe("Query.cpvCode", () => {
  it("reads a code with or without its check digit, in the caller's language", async () => {
    const en = await gql(server.url, CODE, { c: "90910000-9" }, { headers: { "accept-language": "en" } });
    expect(en.data?.cpvCode).toMatchObject({
      code: "90910000",
      checkDigit: 9,
      label: "Cleaning services",
      level: 3,
      parent: { code: "90900000" },
      ancestors: [{ code: "90000000" }, { code: "90900000" }],
    });
    expect(en.data?.cpvCode.children.map((c: { code: string }) => c.code)).toContain("90911200");
    const it_ = await gql(server.url, CODE, { c: "90910000" });
    expect(it_.data?.cpvCode.label).toBe("Servizi di pulizia");
  });

  it("is null for an unknown code, a wrong check digit or a malformed one", async () => {
    for (const c of ["90910001", "90910000-3", "9091", "abc"]) {
      const r = await gql(server.url, CODE, { c });
      expect(r.errors).toBeUndefined();
      expect(r.data?.cpvCode).toBeNull();
    }
  });

  it("hangs the hole cases from the nearest existing ancestor", async () => {
    const holes: [string, string, string[]][] = [
      ["90911200", "90910000", ["90000000", "90900000", "90910000"]],
      ["85312110", "85312000", ["85000000", "85300000", "85310000", "85312000"]],
      ["45453100", "45450000", ["45000000", "45400000", "45450000"]],
    ];
    for (const [code, parent, ancestors] of holes) {
      const r = await gql(server.url, CODE, { c: code });
      expect(r.data?.cpvCode.parent.code, code).toBe(parent);
      expect(r.data?.cpvCode.ancestors.map((a: { code: string }) => a.code)).toEqual(ancestors);
    }
    const cpv = server.services.cpv;
    expect(await cpv.ancestorsOrSelf(["90911200"])).toEqual(["90000000", "90900000", "90910000", "90911200"]);
    const below = await cpv.descendantsOrSelf(["90900000"]);
    expect(below).toContain("90911200");
    expect(below).toContain("90919300");
    expect(below).not.toContain("90500000");
    expect(await cpv.descendantsOrSelf(["85312000"])).toContain("85312110");
  });
});

describe("Query.cpvCodes", () => {
  it("finds by prefix and by words in either language", async () => {
    const byPrefix = await gql(server.url, `{ cpvCodes(prefix: "9091", first: 50) { code } }`);
    expect(
      byPrefix.data?.cpvCodes.map((c: { code: string }) => c.code).every((c: string) => c.startsWith("9091")),
    ).toBe(true);
    const en = await gql(server.url, `{ cpvCodes(query: "laundry") { code } }`);
    expect(en.data?.cpvCodes.map((c: { code: string }) => c.code)).toContain("98311000");
    const it_ = await gql(server.url, `{ cpvCodes(query: "traduzione") { code } }`);
    expect(it_.data?.cpvCodes.map((c: { code: string }) => c.code)).toEqual(["79530000"]);
    const bad = await gql(server.url, `{ cpvCodes(prefix: "9x") { code } }`);
    expect(errorCode(bad)).toBe("BAD_USER_INPUT");
  });
});

describe("normalize and validate", () => {
  it("names the field and the bad code", async () => {
    const cpv = server.services.cpv;
    expect(cpv.normalize(["90910000-9", "90910000", " 45000000 "])).toEqual(["90910000", "45000000"]);
    expect(() => cpv.normalize(["90910000-1"])).toThrowError(/90910000-1/);
    await expect(cpv.validate(server.db, ["90910001"])).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      details: { field: "cpvCodes", value: "90910001" },
    });
    await expect(cpv.validate(server.db, ["90910000-9", "77310000"])).resolves.toEqual(["90910000", "77310000"]);
  });
});

describe("cpv:load", () => {
  it("reads the official export's columns, upserts and recomputes parents", async () => {
    const before = await server.db.select({ n: count() }).from(cpvCodes);
    const official =
      '\uFEFFCODE,BG,EN,IT\n90911000-6,x,"Accommodation, building and window cleaning services",Servizi di pulizia di alloggi, edifici e finestre\n';
    // An unquoted comma in IT splits the field: the loader reads by header, so IT is its first part.
    await loadCpvFile(server.db, official);
    const r = await gql(server.url, CODE, { c: "90911200" });
    expect(r.data?.cpvCode.parent.code).toBe("90911000");
    const after = await server.db.select({ n: count() }).from(cpvCodes);
    expect(after[0]?.n).toBe((before[0]?.n ?? 0) + 1);
    await expect(loadCpvFile(server.db, "code,en\n1,x\n")).rejects.toThrow(/header/);
  });
});
