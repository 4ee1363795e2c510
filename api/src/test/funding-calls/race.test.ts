import { describe, expect, it } from "vitest";
import { useTestServer } from "../fixture.js";
import { FIXTURE_JSON, fixture, freshSource, hooks, snapshot } from "./support.js";

const server = useTestServer({}, undefined, hooks);

describe("two imports at once", () => {
  it("are serialised: one creates, the other finds everything unchanged; no duplicate rows", async () => {
    const source = freshSource();
    const run = () =>
      server.services.fundingCallImporter.run({
        source,
        fileName: "calls.json",
        format: "json",
        body: Buffer.from(FIXTURE_JSON),
        actorId: null,
      });
    const outcomes = await Promise.all([run(), run(), run()]);
    const counts = outcomes.map((o) => (o.ok ? o.counts : null));
    const total = fixture().results.length;
    expect(counts.filter((c) => c?.created === total)).toHaveLength(1);
    expect(counts.filter((c) => c?.unchanged === total && c.created === 0)).toHaveLength(2);
    const after = await snapshot(server.db, source);
    expect(after.calls).toHaveLength(total);
    expect(after.imports).toBe(3);
  });
});
