import { fundingCallRevisions, fundingCalls } from "@pratica/db";
import { FUNDING_IMPORT_MAX_BYTES } from "@pratica/rules";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode } from "../client.js";
import { buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { FIXTURE_CSV, FIXTURE_JSON, fixture, freshSource, hooks, request, snapshot } from "./support.js";

const server = useTestServer({}, undefined, hooks);
const send = request(() => server.url);
const run = (source: string, text: string, format: "json" | "csv" = "json") =>
  server.services.fundingCallImporter.run({
    source,
    fileName: `calls.${format}`,
    format,
    body: Buffer.from(text),
    actorId: null,
  });

let admin: TestUser;
let member: TestUser;
beforeAll(async () => {
  admin = await buildUser(server.db, { role: "ADMIN" });
  member = await buildUser(server.db);
});

const closedInFixture = fixture().results.filter((r) => r.metadata.status[0] === "31094503").length;

describe("funding call import", () => {
  it("imports the portal's JSON: calls created, closed ones archived, three warnings, values normalised", async () => {
    const source = freshSource();
    const outcome = await run(source, FIXTURE_JSON);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    expect(outcome.counts).toEqual({
      created: fixture().results.length,
      updated: 0,
      unchanged: 0,
      archived: closedInFixture,
      rejected: 0,
    });
    expect(outcome.problems.map((p) => [p.identifier, p.field, p.severity])).toEqual([
      ["CERV-2027-CHILD", "deadlineDate", "WARNING"],
      ["CREA-CULT-2027-LIT", "budgetOverview", "WARNING"],
      ["ERASMUS-EDU-2027-CB-VET", "status", "WARNING"],
    ]);
    const byId = new Map((await snapshot(server.db, source)).calls.map((c) => [c.identifier, c]));
    expect(byId.get("HORIZON-CL2-2027-01-TRANSFO-02")).toMatchObject({
      programme: "HORIZON",
      status: "OPEN",
      deadlineAt: new Date("2027-02-17T00:00:00.000Z"),
      deadlineTimeZone: "Europe/Brussels",
      budgetTotal: 9_000_000,
      budgetPerProjectMin: 2_500_000,
      budgetPerProjectMax: 3_000_000,
      expectedGrants: 3,
      typeOfAction: "HORIZON Research and Innovation Actions",
      archivedAt: null,
      revision: 1,
    });
    expect(byId.get("HORIZON-CL2-2027-01-TRANSFO-02")?.themes).toContain("social-innovation");
    expect(byId.get("ESF-2027-SOCPL-01-SOCIAL-ECONOMY")?.description).toBe(
      "Support to local social economy ecosystems in the Member States.",
    );
    // Two-stage: the first deadline is the one to meet.
    expect(byId.get("HORIZON-WIDERA-2027-ERA-01-41")?.deadlineAt).toEqual(new Date("2027-01-28T00:00:00.000Z"));
    expect(byId.get("CERV-2027-CHILD")).toMatchObject({ deadlineAt: null, status: "OPEN" });
    expect(byId.get("CREA-CULT-2027-LIT")).toMatchObject({ budgetTotal: null, expectedGrants: null });
    expect(byId.get("ERASMUS-EDU-2027-CB-VET")?.status).toBe("UNKNOWN");
    expect(byId.get("EMFAF-2027-PIA-BLUE-COMM")?.programme).toBe("OTHER");
    expect(byId.get("CERV-2026-CITIZENS-REM")?.archivedAt).not.toBeNull();
  });

  it("importing the same file twice changes nothing: all unchanged, updated_at and revision still", async () => {
    const source = freshSource();
    await run(source, FIXTURE_JSON);
    const before = await snapshot(server.db, source);
    const again = await run(source, FIXTURE_JSON);
    if (!again.ok) throw new Error("fatal");
    expect(again.counts).toEqual({
      created: 0,
      updated: 0,
      unchanged: fixture().results.length,
      archived: 0,
      rejected: 0,
    });
    const after = await snapshot(server.db, source);
    expect(after.calls).toEqual(before.calls);
    expect(after.revisions).toBe(before.revisions);
    expect(after.imports).toBe(2);
  });

  it("the CSV twin reads as the JSON does (JSON-array and |-separated lists)", async () => {
    const source = freshSource();
    await run(source, FIXTURE_JSON);
    const csv = await run(source, FIXTURE_CSV, "csv");
    if (!csv.ok) throw new Error(JSON.stringify(csv.problems));
    expect(csv.counts).toMatchObject({ created: 0, updated: 0, unchanged: 10, rejected: 0 });
  });

  it("a changed call keeps its old values as a revision and moves to the next one; a passed deadline archives", async () => {
    const source = freshSource();
    await run(source, FIXTURE_JSON);
    const changed = fixture();
    const target = changed.results.find((r) => r.metadata.identifier[0] === "CERV-2027-EQUAL");
    target.metadata.title = ["Equality and inclusion of people with disabilities (amended)"];
    target.metadata.deadlineDate = ["2027-04-01T00:00:00.000+0000"];
    const past = changed.results.find((r) => r.metadata.identifier[0] === "CERV-2027-CHAR-LITI");
    past.metadata.deadlineDate = ["2026-12-01T00:00:00.000+0000"];
    const outcome = await run(source, JSON.stringify(changed));
    if (!outcome.ok) throw new Error("fatal");
    expect(outcome.counts).toMatchObject({ created: 0, updated: 2, archived: 1 });
    const [call] = await server.db
      .select()
      .from(fundingCalls)
      .where(and(eq(fundingCalls.source, source), eq(fundingCalls.identifier, "CERV-2027-EQUAL")));
    expect(call).toMatchObject({ revision: 2, deadlineAt: new Date("2027-04-01T00:00:00.000Z"), archivedAt: null });
    const revisions = await server.db
      .select()
      .from(fundingCallRevisions)
      .where(eq(fundingCallRevisions.callId, call?.id as string));
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ revision: 1, importId: expect.any(String) });
    expect(revisions[0]?.changedFields.sort()).toEqual(["deadlineAt", "title"]);
    expect((revisions[0]?.data as { title?: string } | undefined)?.title).toBe(
      "Equality, non-discrimination and the inclusion of people with disabilities",
    );
    const res = await send(
      undefined,
      `query($id: ID!) { fundingCall(id: $id) { revision revisions { revision changedFields } } }`,
      {
        id: call?.id,
      },
    );
    expect(res.data?.fundingCall.revisions).toEqual([{ revision: 1, changedFields: ["title", "deadlineAt"] }]);
  });

  it("rows without identifier or title are rejected, the rest imported", async () => {
    const source = freshSource();
    const file = fixture();
    file.results[0].metadata.identifier = [];
    delete file.results[1].metadata.title;
    delete file.results[1].title;
    file.results[2].metadata.identifier = ["bad identifier with spaces"];
    file.results.push(file.results[3]);
    const outcome = await run(source, JSON.stringify(file));
    if (!outcome.ok) throw new Error("fatal");
    expect(outcome.counts.rejected).toBe(4);
    expect(outcome.counts.created).toBe(file.results.length - 4);
    expect(outcome.problems.filter((p) => p.severity === "REJECTED").map((p) => [p.row, p.field])).toEqual([
      [1, "identifier"],
      [2, "title"],
      [3, "identifier"],
      [file.results.length, "identifier"],
    ]);
  });

  it("an unreadable file, a wrong shape or an oversized one is fatal: nothing written", async () => {
    const source = freshSource();
    const before = await snapshot(server.db, source);
    for (const [text, format] of [
      ["{ not json", "json"],
      ['{"items": []}', "json"],
      ["   ", "json"],
      ["title,status\nA,31094502\n", "csv"],
      ['identifier,title\n"unclosed,quote\n', "csv"],
      ["x".repeat(FUNDING_IMPORT_MAX_BYTES + 1), "json"],
    ] as const) {
      const outcome = await run(source, text, format);
      expect(outcome.ok).toBe(false);
      expect(outcome.problems[0]?.severity).toBe("FATAL");
    }
    expect(await snapshot(server.db, source)).toEqual(before);
  });

  it("the import history: admins only, with counts and problems", async () => {
    const source = freshSource();
    await run(source, FIXTURE_JSON);
    const HISTORY = `{ fundingCallImports(first: 50) { totalCount edges { node {
      id source fileName format created updated unchanged archived rejected actor { id }
      problems { row identifier field reason severity fatal } } } } }`;
    expect(errorCode(await send(undefined, HISTORY))).toBe("UNAUTHENTICATED");
    expect(errorCode(await send(member, HISTORY))).toBe("FORBIDDEN");
    const res = await send(admin, HISTORY);
    const mine = res.data?.fundingCallImports.edges.find((e: { node: { source: string } }) => e.node.source === source);
    expect(mine.node).toMatchObject({ fileName: "calls.json", format: "json", actor: null, rejected: 0 });
    expect(mine.node.problems).toHaveLength(3);
    expect(mine.node.problems[0]).toMatchObject({ row: expect.any(Number), severity: "WARNING", fatal: false });
  });
});
