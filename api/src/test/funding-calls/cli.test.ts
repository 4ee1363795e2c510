import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { describe as describeOutcome, importFile, parseArgs } from "../../cli/funding-import.js";
import { useTestServer } from "../fixture.js";
import { FIXTURE_JSON, fixture, snapshot } from "./support.js";

const server = useTestServer();
const API = fileURLToPath(new URL("../../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "funding-import-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** The CLI as an operator runs it (tsx, the package's script), over the given environment. */
function runCli(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--conditions=@pratica/source", "src/cli/funding-import.ts", ...args],
      { cwd: API, env: { ...process.env, LOG_LEVEL: "silent", ...env } },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("funding:import", () => {
  it("reads a file and an optional source, and refuses anything else", () => {
    expect(parseArgs(["calls.json"])).toEqual({ file: "calls.json", source: "EU_FT", format: "json" });
    expect(parseArgs(["--source", "OTHER_1", "calls.CSV"])).toEqual({
      file: "calls.CSV",
      source: "OTHER_1",
      format: "csv",
    });
    expect(() => parseArgs([])).toThrow(/usage/);
    expect(() => parseArgs(["calls.xml"])).toThrow(/\.json or \.csv/);
    expect(() => parseArgs(["calls.json", "--source", "bad source"])).toThrow(/usage/);
  });

  it("imports a file and reports it; an unreadable one writes nothing", async () => {
    const source = "CLI_TEST";
    const outcome = await importFile(server.database, {
      file: file("calls.json", FIXTURE_JSON),
      source,
      format: "json",
    });
    const lines = describeOutcome(outcome);
    expect(lines[0]).toMatch(new RegExp(`^Imported \\(import .+\\): ${fixture().results.length} created, 0 updated`));
    expect(lines).toContain("Problems:");
    const before = await snapshot(server.db, source);
    const bad = await importFile(server.database, { file: file("bad.json", "[1,"), source, format: "json" });
    expect(describeOutcome(bad)[0]).toBe("Nothing imported: the file could not be read.");
    expect(await snapshot(server.db, source)).toEqual(before);
  });

  it("as a process: exit 2 with the usage line for a wrong command line", async () => {
    const res = await runCli(["one.json", "two.json"]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/^usage: pnpm --filter @pratica\/api funding:import/);
  });

  it("as a process on the server's PostgreSQL: exit 0 with the report, exit 1 for an unreadable file", async (ctx) => {
    if (server.database.kind !== "postgres") return ctx.skip();
    const env = { DATABASE_URL: server.database.url };
    const ok = await runCli(["--source", "CLI_PROCESS", file("process.json", FIXTURE_JSON)], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Imported \(import .+\): \d+ created/);
    const bad = await runCli([file("process-bad.csv", 'identifier,title\n"open')], env);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("Nothing imported");
  });
});
