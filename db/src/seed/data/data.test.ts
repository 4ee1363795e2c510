import { describe, expect, it } from "vitest";
import { communities } from "./communities.js";
import { type OrganizationCategory, organizations } from "./organizations.js";

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// WCAG 2.x relative luminance and contrast ratio.
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrastWithWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  // Rejects dates that Date would silently roll over, such as 2023-02-30.
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

describe("seed communities", () => {
  it("are the five communities of the design, with unique kebab-case slugs", () => {
    expect(communities.map((c) => c.slug)).toEqual([
      "benefit-corporations",
      "circular-economy",
      "gender-equality",
      "op4impact",
      "neet",
    ]);
    expect(new Set(communities.map((c) => c.slug)).size).toBe(communities.length);
    for (const c of communities) expect(c.slug).toMatch(kebabCase);
  });

  it("are public, and only op4impact asks for approval", () => {
    for (const c of communities) {
      expect(c.visibility).toBe("PUBLIC");
      expect(c.joinPolicy).toBe(c.slug === "op4impact" ? "APPROVAL" : "OPEN");
    }
  });

  it("have a one-sentence tagline and a description of two or three paragraphs", () => {
    for (const c of communities) {
      expect(c.name.trim()).not.toBe("");
      expect(c.tagline.length).toBeGreaterThan(0);
      expect(c.tagline.length).toBeLessThanOrEqual(140);
      const paragraphs = c.description.split("\n\n");
      expect(paragraphs.length).toBeGreaterThanOrEqual(2);
      expect(paragraphs.length).toBeLessThanOrEqual(3);
      for (const p of paragraphs) expect(p.trim()).toBe(p);
    }
  });

  it("have distinct hex colours readable as text on white (WCAG AA)", () => {
    for (const c of communities) {
      expect(c.color).toMatch(/^#[0-9a-f]{6}$/);
      expect(contrastWithWhite(c.color), c.slug).toBeGreaterThanOrEqual(4.5);
    }
    expect(new Set(communities.map((c) => c.color)).size).toBe(communities.length);
  });
});

describe("seed organisations", () => {
  it("have unique kebab-case slugs and names", () => {
    expect(new Set(organizations.map((o) => o.slug)).size).toBe(organizations.length);
    expect(new Set(organizations.map((o) => o.name)).size).toBe(organizations.length);
    for (const o of organizations) expect(o.slug).toMatch(kebabCase);
  });

  it("cover every category at least twice", () => {
    const categories: readonly OrganizationCategory[] = [
      "PUBLIC_SECTOR",
      "FINANCE_AND_PHILANTHROPY",
      "SKILLS_AND_FACILITIES",
      "THIRD_SECTOR_AND_CULTURE",
      "RESEARCH_AND_TECH_TRANSFER",
      "INCUBATORS_AND_ACCELERATORS",
      "PRIVATE_SECTOR",
      "PROFESSIONAL_ORDERS",
    ];
    for (const category of categories) {
      const count = organizations.filter((o) => o.category === category).length;
      expect(count, category).toBeGreaterThanOrEqual(2);
    }
  });

  it("include exactly the four professional orders, and only they carry `order`", () => {
    const withOrder = organizations.filter((o) => o.order !== undefined);
    expect(withOrder.map((o) => [o.slug, o.order]).sort()).toEqual(
      [
        ["order-accountants", "accountants"],
        ["order-labour-consultants", "labour-consultants"],
        ["order-lawyers", "lawyers"],
        ["order-notaries", "notaries"],
      ].sort(),
    );
    expect(organizations.filter((o) => o.category === "PROFESSIONAL_ORDERS")).toEqual(withOrder);
  });

  it("signed the memorandum on a valid date from the first signatures (2017) to 2026, spread over the years", () => {
    for (const o of organizations) {
      expect(isIsoDate(o.memorandumSignedOn), `${o.slug}: ${o.memorandumSignedOn}`).toBe(true);
      expect(o.memorandumSignedOn >= "2017-01-01" && o.memorandumSignedOn <= "2026-12-31", o.slug).toBe(true);
    }
    const years = new Set(organizations.map((o) => o.memorandumSignedOn.slice(0, 4)));
    expect([...years].sort()).toEqual(["2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026"]);
    expect(isIsoDate("2023-02-30")).toBe(false);
  });

  it("sit in the Turin metropolitan area when they have coordinates, and have both or neither; enough to cluster", () => {
    for (const o of organizations) {
      expect(o.latitude === null, o.slug).toBe(o.longitude === null);
      if (o.latitude !== null && o.longitude !== null) {
        expect(o.latitude, o.slug).toBeGreaterThanOrEqual(44.95);
        expect(o.latitude, o.slug).toBeLessThanOrEqual(45.2);
        expect(o.longitude, o.slug).toBeGreaterThanOrEqual(7.45);
        expect(o.longitude, o.slug).toBeLessThanOrEqual(7.9);
      }
    }
    expect(organizations.length).toBeGreaterThanOrEqual(40);
    const inTorino = organizations.filter((o) => o.address?.includes("Torino"));
    expect(inTorino.length).toBeGreaterThanOrEqual(25);
  });

  it("each has a profile: a district (Torino's circoscrizioni or a town) when it has an address, themes and goals", async () => {
    const { partnerProfiles, DISTRICTS } = await import("./ecosystem.js");
    expect(Object.keys(partnerProfiles).sort()).toEqual(organizations.map((o) => o.slug).sort());
    for (const o of organizations) {
      const p = partnerProfiles[o.slug];
      if (!p) throw new Error(`no profile for ${o.slug}`);
      expect(p.district === null, o.slug).toBe(o.address === null);
      if (o.address?.includes("Torino")) expect(Object.values(DISTRICTS), o.slug).toContain(p.district);
      if (p.district) expect(p.district.length, o.slug).toBeLessThanOrEqual(80);
      expect(p.themes.length, o.slug).toBeGreaterThan(0);
      expect(new Set(p.themes).size, o.slug).toBe(p.themes.length);
      expect(p.sdgs.length, o.slug).toBeGreaterThan(0);
      for (const n of p.sdgs) expect(n >= 1 && n <= 17, o.slug).toBe(true);
    }
  });

  it("one former partner, withdrawn in 2025 with a reason", () => {
    const former = organizations.filter((o) => o.withdrawnOn !== undefined);
    expect(former).toHaveLength(1);
    expect(former[0]?.withdrawnOn?.startsWith("2025-")).toBe(true);
    expect(former[0]?.withdrawalReason).toBeTruthy();
  });

  it("link only to placeholder .example domains", () => {
    for (const o of organizations) {
      if (o.website !== null) expect(o.website).toMatch(/^https:\/\/([a-z0-9-]+\.)+example(\/\S*)?$/);
    }
  });
});

describe("seed texts in Italian", () => {
  it("every community and organisation has its Italian name and description, and nothing else is named", async () => {
    const { communitiesIt, organizationsIt } = await import("./italian.js");
    expect(Object.keys(communitiesIt).sort()).toEqual(communities.map((c) => c.slug).sort());
    expect(Object.keys(organizationsIt).sort()).toEqual(organizations.map((o) => o.slug).sort());
    for (const c of Object.values(communitiesIt)) {
      expect(c.nameIt.trim()).not.toBe("");
      expect(c.taglineIt.length).toBeGreaterThan(0);
      expect(c.taglineIt.length).toBeLessThanOrEqual(140);
      const paragraphs = c.descriptionIt.split("\n\n");
      expect(paragraphs.length).toBeGreaterThanOrEqual(2);
      expect(paragraphs.length).toBeLessThanOrEqual(3);
    }
    for (const o of Object.values(organizationsIt)) {
      expect(o.nameIt.trim()).not.toBe("");
      expect(o.descriptionIt.trim()).not.toBe("");
    }
  });
});
