import { describe, expect, it } from "vitest";
import { demoAccounts } from "../demo-accounts.js";
import { peopleOf, resolveRevisions, whenToDate } from "../demo-deliverables.js";
import { communities } from "./communities.js";
import { deliverables } from "./deliverables.js";
import { organizations } from "./organizations.js";

const NOW = Date.parse("2025-03-30T00:30:00.000Z");
const t = (when: Parameters<typeof whenToDate>[0]) => whenToDate(when, NOW).getTime();
const manifesto = deliverables.find((d) => d.title === "Manifesto per l'Impatto");

describe("seed deliverables", () => {
  it("turn '<days>d HH:MM' into whole milliseconds in the past", () => {
    expect(whenToDate("1d 23:59", NOW).toISOString()).toBe("2025-03-29T23:59:00.000Z");
    expect(whenToDate("2d 08:05", NOW).toISOString()).toBe("2025-03-28T08:05:00.000Z");
    expect(() => whenToDate("yesterday" as never, NOW)).toThrow();
    // Today is refused: "0d 23:59" could be in the future.
    expect(() => whenToDate("0d 08:00", NOW)).toThrow();
    expect(() => whenToDate("1d 24:00", NOW)).toThrow();
    for (const d of deliverables)
      for (const s of d.sections)
        for (const r of resolveRevisions(s)) {
          expect(t(r.at)).toBeLessThan(NOW);
          expect(t(r.at) % 1).toBe(0);
        }
  });

  it("name only demo accounts, seeded communities and organisations", () => {
    const handles = new Set(demoAccounts(communities.map((c) => c.slug)).map((a) => a.handle));
    const orgs = new Set(organizations.map((o) => o.slug));
    for (const d of deliverables) {
      expect(communities.map((c) => c.slug)).toContain(d.community);
      const need = peopleOf(d);
      for (const h of need.handles) expect(handles, h).toContain(h);
      for (const o of need.organizations) expect(orgs, o).toContain(o);
      expect(d.editors[0]).toBe(d.creator);
    }
  });

  it("tell each section's story in order: versions after creation, amendments read an existing version", () => {
    for (const d of deliverables) {
      for (const s of d.sections) {
        const revisions = resolveRevisions(s);
        expect(revisions[0]?.at, s.heading).toBe(d.at);
        for (let i = 1; i < revisions.length; i++)
          expect(t(revisions[i]?.at ?? d.at)).toBeGreaterThan(t(revisions[i - 1]?.at ?? d.at));
        for (const a of s.amendments ?? []) {
          const readable = revisions.filter((r) => t(r.at) <= t(a.at)).length;
          expect(a.baseVersion, a.key).toBeGreaterThanOrEqual(1);
          expect(a.baseVersion, a.key).toBeLessThanOrEqual(readable);
          if (a.decision) expect(t(a.decision.at)).toBeGreaterThan(t(a.at));
          if (a.decision?.status === "WITHDRAWN") expect(a.decision.by).toBe(a.proposer);
          if (a.decision?.status === "ACCEPTED")
            expect(s.revisions.filter((r) => "amendment" in r && r.amendment === a.key)).toHaveLength(1);
        }
      }
    }
  });

  it("quote exact spans of the current text, and comment on amendments of the same section", () => {
    for (const d of deliverables) {
      for (const s of d.sections) {
        const current = resolveRevisions(s).at(-1)?.body ?? "";
        for (const c of s.comments ?? []) {
          if (c.quote) expect(current).toContain(c.quote);
          if (c.amendment) expect(s.amendments?.map((a) => a.key)).toContain(c.amendment);
          for (const r of c.replies ?? []) expect(t(r.at)).toBeGreaterThan(t(c.at));
          if (c.resolved) expect(t(c.resolved.at)).toBeGreaterThan(t(c.at));
        }
      }
    }
  });

  it("give the Manifesto amendments in every state, one of them stale, and two endorsements by representatives", () => {
    expect(manifesto?.statusChanges.at(-1)?.to).toBe("PUBLISHED");
    expect(manifesto?.authors).toHaveLength(4);
    const all = manifesto?.sections.flatMap((s) =>
      (s.amendments ?? []).map((a) => ({ ...a, current: s.revisions.length })),
    );
    expect(new Set(all?.map((a) => a.decision?.status ?? "OPEN"))).toEqual(
      new Set(["OPEN", "ACCEPTED", "REJECTED", "WITHDRAWN"]),
    );
    const open = all?.filter((a) => !a.decision) ?? [];
    expect(open.some((a) => a.baseVersion === a.current)).toBe(true);
    expect(open.some((a) => a.baseVersion < a.current)).toBe(true);
    expect(all?.find((a) => a.decision?.status === "REJECTED")?.decision?.reason).toBeTruthy();
    const endorsements = manifesto?.endorsements ?? [];
    expect(endorsements.map((e) => e.organization)).toEqual(["order-accountants", "order-notaries"]);
    for (const e of endorsements) expect(e.endorser).toBe(e.organization.replace(/^order-/, "rep-"));
  });
});
