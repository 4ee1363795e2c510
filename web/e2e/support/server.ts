import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const MAIN = fileURLToPath(new URL("../../../api/dist/main.js", import.meta.url));
const WEB_INDEX = fileURLToPath(new URL("../../dist/index.html", import.meta.url));

export interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Resolves when the server says it is listening (api/src/startup/banner.ts, logged at info once
 * `listen` has bound the port); rejects if it exits first or stays silent for `timeoutMs`.
 */
function listening(child: ChildProcess, output: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    // Not readline: closing it would pause stdout, and a child writing to a full pipe blocks.
    let seen = "";
    const onData = (chunk: Buffer) => {
      // The line may come in more than one chunk; what came before its start does not matter.
      seen = (seen + chunk.toString()).slice(-4096);
      if (seen.includes("Pratica is listening on")) finish();
    };
    const finish = (error?: Error) => {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.off("exit", onExit);
      if (error) reject(error);
      else resolve();
    };
    const onExit = (code: number | null) =>
      finish(new Error(`The server exited with code ${code} before it was ready:\n${output.join("")}`));
    const timer = setTimeout(
      () => finish(new Error(`The server did not start listening within ${timeoutMs} ms:\n${output.join("")}`)),
      timeoutMs,
    );
    if (child.exitCode !== null) return onExit(child.exitCode);
    child.once("exit", onExit);
    child.stdout?.on("data", onData);
  });
}

/**
 * Starts the built server (`node api/dist/main.js`, which also serves web/dist) on a free
 * port with an in-memory database and the demo seed, and waits until it says it is listening
 * and /healthz answers.
 * With E2E_BASE_URL set, uses that already running server instead (it must have the demo seed).
 * `env` adds to the server's environment (a test's SMTP server, the public origin for links).
 */
export async function startServer({
  timeoutMs = 60_000,
  env = {},
}: {
  timeoutMs?: number;
  /**
   * More environment for the server, e.g. `SMTP_URL` of a test's SMTP server; a function when it
   * depends on the address the server will have (`PUBLIC_ORIGIN` for links in emails).
   */
  env?: Record<string, string> | ((baseUrl: string) => Record<string, string>);
} = {}): Promise<RunningServer> {
  const external = process.env.E2E_BASE_URL;
  if (external) return { baseUrl: external.replace(/\/$/, ""), stop: async () => {} };

  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`pnpm build\` first.`);
  if (!existsSync(WEB_INDEX)) throw new Error(`${WEB_INDEX} is missing: run \`pnpm --filter @pratica/web build\`.`);

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const child = spawn(process.execPath, [MAIN], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      PGLITE_DIR: "memory://",
      SEED_DEMO: "1",
      NODE_ENV: "test",
      // info, not warn: the line saying it listens is what startServer waits for.
      LOG_LEVEL: "info",
      ...(typeof env === "function" ? env(baseUrl) : env),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    if (!(await exited(child, 10_000))) {
      child.kill("SIGKILL");
      await exited(child, 5_000);
    }
  };

  try {
    await listening(child, output, timeoutMs);
    const response = await fetch(`${baseUrl}/healthz`);
    if (response.status !== 200) throw new Error(`/healthz answered ${response.status}:\n${output.join("")}`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}
