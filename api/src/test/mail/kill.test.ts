import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDatabase, type DatabaseHandle } from "@pratica/db";
import { afterAll, describe, expect, it } from "vitest";
import { createJobQueue } from "../../core/job-queue.js";
import { MAIL_QUEUE } from "../../modules/mail/mail.service.js";
import { freshDatabase } from "../database.js";
import { useSmtpServer } from "../smtp.js";

const API_DIR = fileURLToPath(new URL("../../../", import.meta.url));

/** Runs an entry of the api's sources in its own process (tsx, as `pnpm dev` does). */
function spawnApi(entry: string, env: Record<string, string>, until: string) {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(NODE_ENV|LOG_LEVEL|DATABASE_URL|PGLITE_DIR|REDIS_URL|SEED_DEMO|PORT|SMTP_URL|TEST_)/.test(name),
    ),
  );
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=@pratica/source", entry], {
    cwd: API_DIR,
    env: { ...inherited, PORT: "0", LOG_LEVEL: "warn", SEED_DEMO: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (chunk) => {
      stdout += chunk;
      if (stdout.includes(until)) resolve(stdout);
    });
    child.once("exit", (code) => reject(new Error(`${entry} exited (${code}):\n${stdout}${stderr}`)));
  });
  return { child, ready };
}

describe("mail queued, then the api killed (-9)", () => {
  const smtp = useSmtpServer();
  let shared: (DatabaseHandle & { drop: () => Promise<void> }) | undefined;
  let dir: string | undefined;
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await shared?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("is sent exactly once by the restarted api", { timeout: 120_000 }, async () => {
    // PostgreSQL: a fresh database; PGlite: a data folder on disk, which must survive the kill.
    if (process.env.TEST_DB === "postgres") shared = await freshDatabase();
    else dir = await mkdtemp(join(tmpdir(), "pratica-kill-"));
    const env: Record<string, string> =
      shared?.kind === "postgres" ? { DATABASE_URL: shared.url } : { PGLITE_DIR: join(dir ?? "", "pglite") };

    const first = spawnApi("src/test/mail/enqueue-then-hang.ts", env, "enqueued ");
    children.push(first.child);
    const jobId = /enqueued (\S+)/.exec(await first.ready)?.[1];
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    const killed = once(first.child, "exit");
    first.child.kill("SIGKILL");
    expect(await killed).toEqual([null, "SIGKILL"]);

    const arrived = smtp.arrival("Survives a kill");
    const second = spawnApi(
      "src/main.ts",
      {
        ...env,
        NODE_ENV: "development",
        LOG_LEVEL: "info",
        SMTP_URL: `smtp://127.0.0.1:${smtp.state.port}`,
        MAIL_POLL_SECONDS: "0.5",
      },
      "Ctrl-C stops.\n",
    );
    children.push(second.child);
    await second.ready;
    const mail = await arrived;
    expect(mail.messageId).toBe(`<${jobId}@pratica>`);
    const stopped = once(second.child, "exit");
    second.child.kill("SIGTERM");
    expect(await stopped).toEqual([0, null]);

    // After a clean stop: the job completed, and the message came once.
    expect(smtp.received.filter((r) => r.mail.subject === "Survives a kill")).toHaveLength(1);
    const database = shared ?? (await createDatabase({ pgliteDir: join(dir ?? "", "pglite") }));
    const queue = createJobQueue(database, { supervise: false, schedule: false });
    await queue.start();
    try {
      expect((await queue.getJobById(MAIL_QUEUE, jobId ?? ""))?.state).toBe("completed");
    } finally {
      await queue.stop({ close: true });
      if (!shared) await database.close();
    }
  });
});
