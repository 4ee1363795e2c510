import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import type { DatabaseHandle } from "@pratica/db";
import { afterAll, describe, expect, it } from "vitest";
import { gql } from "../client.js";
import { freshDatabase } from "../database.js";

const API_DIR = fileURLToPath(new URL("../../../", import.meta.url));

/** `pnpm start` from the sources (tsx, as `pnpm dev` runs them), its stdout piped to the test. */
function startMain(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  banner: Promise<string>;
} {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(NODE_ENV|LOG_LEVEL|DATABASE_URL|PGLITE_DIR|REDIS_URL|SEED_DEMO|PORT|TEST_)/.test(name),
    ),
  );
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=@pratica/source", "src/main.ts"], {
    cwd: API_DIR,
    env: { ...inherited, PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const banner = new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (chunk) => {
      stdout += chunk;
      if (stdout.includes("Ctrl-C stops.\n")) resolve(stdout);
    });
    child.once("exit", (code) => reject(new Error(`the api exited (${code}) before its banner:\n${stdout}${stderr}`)));
  });
  return { child, output: () => stdout, banner };
}

describe("pnpm start in development, stdout piped", () => {
  let database: (DatabaseHandle & { drop: () => Promise<void> }) | undefined;
  let child: ChildProcess | undefined;
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
    await database?.drop();
  });

  it("prints the banner, serves, logs no request at the default level, and says it stops", {
    timeout: 90_000,
  }, async () => {
    // On PostgreSQL, a fresh database of the test server's; on PGlite, one in memory.
    if (process.env.TEST_DB === "postgres") database = await freshDatabase();
    const env: Record<string, string> =
      database?.kind === "postgres" ? { DATABASE_URL: database.url } : { PGLITE_DIR: "memory://" };
    const started = startMain({ NODE_ENV: "development", ...env });
    child = started.child;

    const banner = await started.banner;
    const url = /^Pratica is listening on (http:\/\/localhost:\d+)$/m.exec(banner)?.[1];
    expect(url).toBeDefined();
    const expectedDatabase =
      database?.kind === "postgres"
        ? `PostgreSQL, database ${new URL(database.url).pathname.slice(1)} on ${new URL(database.url).host}`
        : "embedded PGlite in memory (nothing is kept)";
    expect(banner).toContain(`  database: ${expectedDatabase}\n`);
    expect(banner).toMatch(/^ {2}seeded now: 5 communities/m);
    expect(banner).toMatch(/^ {4}admin@pratica\.local +platform admin$/m);
    expect(banner).not.toMatch(/^\{/m);

    expect((await fetch(`${url}/nope`)).status).toBe(404);
    expect((await gql(`${url}/graphql`, "{ viewer { id } }")).errors).toBeUndefined();

    const exited = once(child, "exit");
    child.kill("SIGTERM");
    expect(await exited).toEqual([0, null]);
    const output = started.output();
    expect(output.slice(banner.length)).toBe("Pratica is shutting down (SIGTERM).\n");
  });
});
