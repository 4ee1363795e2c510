import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** bench/ */
export const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The repository root. */
export const REPO_DIR = join(BENCH_DIR, "..");
export const RESULTS_DIR = join(BENCH_DIR, "results");

export const DEFAULT_BENCH_URL = "postgres://postgres@127.0.0.1:5432/pratica_bench";

/** The bench database; BENCH_DATABASE_URL overrides it. */
export function benchDatabaseUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_URL;
}

/** The slug of the community the seed creates. */
export const BENCH_COMMUNITY_SLUG = "bench";

/** Writes bench/results/<name>.json and returns its path. */
export async function writeResult(name: string, data: unknown): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.json`);
  await writeFile(path, `${JSON.stringify(data, null, 2)}\n`);
  return path;
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type RunningServer = {
  name: string;
  port: number;
  pid: number;
  /** Last lines the server printed, for error reports. */
  output: () => string;
  /** Whether the process has exited (crashed) and with what. */
  exited: () => { code: number | null; signal: NodeJS.Signals | null } | null;
  /** SIGTERM, then SIGKILL if it has not exited after `stopTimeoutMs`. */
  stop: () => Promise<{ graceful: boolean }>;
};

export type ServerSpec = {
  name: string;
  /** Arguments after `node` (script and its flags). */
  args: string[];
  env: Record<string, string>;
  port: number;
  /** The core to pin it to with taskset. */
  core: number;
  /** Path polled until it answers 200. */
  healthPath: string;
  /** How long to wait for it, ms. */
  startTimeoutMs?: number;
  /** How long stop() waits after SIGTERM before SIGKILL, ms. */
  stopTimeoutMs?: number;
};

/** Starts `taskset -c <core> node …` (taskset execs node, so the pid is node's) and waits for its health path. */
export async function startServer(spec: ServerSpec): Promise<RunningServer> {
  const child: ChildProcess = spawn("taskset", ["-c", String(spec.core), process.execPath, ...spec.args], {
    cwd: REPO_DIR,
    env: { ...process.env, ...spec.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exited = new Promise<void>((resolve) => {
    child.on("exit", (code, signal) => {
      exit = { code, signal };
      resolve();
    });
  });
  if (child.pid === undefined) throw new Error(`${spec.name}: could not start`);

  const deadline = Date.now() + (spec.startTimeoutMs ?? 30_000);
  for (;;) {
    if (exit) throw new Error(`${spec.name} exited during start-up (${JSON.stringify(exit)}):\n${lines.join("\n")}`);
    try {
      const res = await fetch(`http://127.0.0.1:${spec.port}${spec.healthPath}`);
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`${spec.name} did not become healthy within the time limit:\n${lines.join("\n")}`);
    }
    await sleep(100);
  }

  return {
    name: spec.name,
    port: spec.port,
    pid: child.pid,
    output: () => lines.join("\n"),
    exited: () => exit,
    async stop() {
      if (exit) return { graceful: true };
      child.kill("SIGTERM");
      const timeout = sleep(spec.stopTimeoutMs ?? 5_000).then(() => "timeout" as const);
      if ((await Promise.race([exited, timeout])) !== "timeout") return { graceful: true };
      // Not expected since apollo.ts leaves signals to main.ts; reported by the caller when it happens.
      child.kill("SIGKILL");
      await exited;
      return { graceful: false };
    },
  };
}

/**
 * The node flags of api's `start` script (how the api runs in production and in Docker), so
 * the benches measure what ships; BENCH_API_NODE_FLAGS replaces them to try others ("" for none).
 */
export function apiStartFlags(): string[] {
  const manifest = JSON.parse(readFileSync(join(REPO_DIR, "api", "package.json"), "utf8")) as {
    scripts?: { start?: string };
  };
  return (manifest.scripts?.start ?? "").split(/\s+/).filter((word) => word.startsWith("--"));
}

/** The flags the benches start the api with. */
export function apiNodeFlags(): string[] {
  const override = process.env.BENCH_API_NODE_FLAGS;
  return override === undefined ? apiStartFlags() : override.split(" ").filter(Boolean);
}

/** The built api (`pnpm build` first) on the bench database, pinned to a core. */
export function startApi(port: number, core = 0, extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const main = join(REPO_DIR, "api", "dist", "main.js");
  const flags = apiNodeFlags();
  return startServer({
    name: "api",
    args: [...flags, main],
    env: {
      DATABASE_URL: benchDatabaseUrl(),
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      PORT: String(port),
      // Production settings the api refuses to start without (since issue 14); the benches mail
      // nothing through it (the digest bench brings its own SMTP server and URL).
      SIGNING_SECRET: "bench-signing-secret-of-at-least-32-characters",
      SMTP_URL: "smtp://127.0.0.1:9",
      ...extraEnv,
    },
    port,
    core,
    healthPath: "/healthz",
    // A pending migration (e.g. a new index on 1M posts) runs before the api listens.
    startTimeoutMs: 240_000,
    stopTimeoutMs: 3_000,
  });
}

/** Resident memory of a process in KiB (VmRSS in /proc/<pid>/status). */
export function rssKiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match?.[1]) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(match[1]);
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time (user + system, ms) a process has used so far, from /proc/<pid>/stat. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may hold spaces) start at ") ".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / CLOCK_TICKS;
}

/** Percentile (0–100) of an ascending-sorted array, nearest rank. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** POSTs a GraphQL operation and returns the parsed body; throws on HTTP or GraphQL errors. */
export async function graphql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (!res.ok || body.errors?.length || !body.data) {
    throw new Error(
      `GraphQL request failed (HTTP ${res.status}): ${JSON.stringify(body.errors ?? body).slice(0, 2000)}`,
    );
  }
  return body.data;
}

/** Stops a server and prints what it logged (its warnings and errors), apart from start-up banners. */
export async function stopAndReport(server: RunningServer): Promise<{ graceful: boolean; logged: string[] }> {
  const logged = server
    .output()
    .split("\n")
    .filter((line) => line.trim() && !line.includes("thread-page server on"));
  const { graceful } = await server.stop();
  if (logged.length > 0) console.log(`  ${server.name} printed:\n    ${logged.slice(-10).join("\n    ")}`);
  if (!graceful) console.log(`  ${server.name} did not exit on SIGTERM and was killed`);
  return { graceful, logged: logged.slice(-20) };
}

/** Which api build was measured: the repository's HEAD, when api/dist was last written, node flags. */
export function apiBuildInfo(): {
  gitHead: string;
  distBuiltAt: string | null;
  /** The runtime the api ran on: the benches start it with their own node (process.execPath). */
  node: string;
  nodeFlags: string[];
} {
  const nodeFlags = apiNodeFlags();
  const node = process.version;
  let gitHead = "unknown";
  try {
    gitHead = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: REPO_DIR, encoding: "utf8" }).trim();
  } catch {
    // not a git checkout
  }
  let newest = 0;
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith(".js")) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  try {
    visit(join(REPO_DIR, "api", "dist"));
  } catch {
    return { gitHead, distBuiltAt: null, node, nodeFlags };
  }
  return { gitHead, distBuiltAt: newest ? new Date(newest).toISOString() : null, node, nodeFlags };
}
