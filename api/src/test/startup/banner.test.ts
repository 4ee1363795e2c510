import { type DatabaseHandle, DEMO_PASSWORD, type DemoAccount, seed } from "@pratica/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../config.js";
import { createLogger } from "../../core/logger.js";
import { announcer, bannerText, forPeople } from "../../startup/banner.js";
import { describeDatabase, type StartFacts, startFacts } from "../../startup/facts.js";
import { freshDatabase } from "../database.js";
import { PRODUCTION } from "../server.js";

/** What the announcer wrote, for a person (`text`) and as log lines (`lines`). */
function capture(level: string, human: boolean) {
  const out = { text: "", lines: [] as Record<string, unknown>[] };
  const logger = createLogger(level, { write: (line: string) => void out.lines.push(JSON.parse(line)) });
  const write = (text: string) => {
    out.text += text;
  };
  const announce = announcer({ human, logger, write });
  return { out, announce };
}

const config = (env: Record<string, string> = {}) => loadConfig({ NODE_ENV: "development", ...env });

describe("where the data lives", () => {
  it("names a PostgreSQL host and database, never the password", () => {
    const facts = describeDatabase(config({ DATABASE_URL: "postgres://pratica:s3cr%40t@db.example:6543/pratica" }));
    expect(facts).toEqual({ kind: "postgres", host: "db.example:6543", database: "pratica" });
    expect(JSON.stringify(facts)).not.toMatch(/s3cr/);
  });

  it("names a socket folder given as the host", () => {
    const facts = describeDatabase(config({ DATABASE_URL: "postgres://pratica@%2Fvar%2Frun%2Fpostgresql/pratica" }));
    expect(facts).toEqual({ kind: "postgres", host: "/var/run/postgresql", database: "pratica" });
  });

  it("names PGlite's folder as an absolute path, from the working directory", () => {
    expect(describeDatabase(config(), "/srv/pratica/api")).toEqual({
      kind: "pglite",
      dir: "/srv/pratica/api/.data/pglite",
    });
    expect(describeDatabase(config({ PGLITE_DIR: "memory://" }), "/x")).toEqual({ kind: "pglite", dir: "memory://" });
    expect(describeDatabase(config({ PGLITE_DIR: "../data" }), "/srv/pratica/api")).toEqual({
      kind: "pglite",
      dir: "/srv/pratica/data",
    });
  });
});

describe("who reads the console", () => {
  it.each([
    ["development", false, true],
    ["development", true, true],
    ["production", true, true],
    ["production", false, false],
    ["test", false, false],
    ["production", undefined, false],
  ] as const)("NODE_ENV=%s, stdout a terminal: %s → a person: %s", (nodeEnv, isTTY, person) => {
    expect(forPeople(nodeEnv, isTTY)).toBe(person);
  });
});

describe("what the demo accounts are, from the database", () => {
  let database: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(() => database?.drop());

  it("none before any seed, saying why; seeded now, then present from an earlier seed", async () => {
    const none = async (env: Record<string, string>) => (await startFacts(config(env), database.db, 1, undefined)).demo;
    expect(await none({})).toEqual({ state: "none", why: "demo data is seeded only into an empty database" });
    expect(await none({ SEED_DEMO: "0" })).toEqual({ state: "none", why: "SEED_DEMO=0" });
    expect(await none(PRODUCTION)).toEqual({
      state: "none",
      why: "never seeded in production",
    });

    const report = await seed(database.db, { demo: true });
    const now = await startFacts(config(), database.db, 4000, report);
    expect(now.demo.state).toBe("seeded now");
    expect(now.seeded).toBe(report);
    const later = await startFacts(config(), database.db, 4000, undefined);
    expect(later.demo.state).toBe("present");
    if (later.demo.state === "none") throw new Error("unreachable");
    expect(later.demo.accounts.map((a) => a.email)).toContain("admin@pratica.local");
  });
});

const demoAccounts: DemoAccount[] = [
  { email: "admin@pratica.local", handle: "admin", displayName: "Admin", role: "ADMIN" },
  { email: "member@pratica.local", handle: "member", displayName: "Member", role: "USER", memberOfAll: true },
  { email: "facilitator.neet@pratica.local", handle: "f", displayName: "F", role: "USER", facilitates: "neet" },
  {
    email: "facilitator.op4impact@pratica.local",
    handle: "g",
    displayName: "G",
    role: "USER",
    facilitates: "op4impact",
  },
  { email: "rep.notaries@pratica.local", handle: "r", displayName: "R", role: "USER", represents: "notaries" },
];

const seededNow: StartFacts = {
  url: "http://localhost:4000",
  port: 4000,
  database: { kind: "pglite", dir: "/srv/pratica/api/.data/pglite" },
  redis: false,
  seeded: {
    communities: 5,
    organizations: 22,
    demoAccounts: 11,
    demoThreads: 6,
    demoResources: 10,
    demoPaths: 5,
    demoDeliverables: 2,
    demoApplications: 1,
    demoDecisions: 2,
    demoEvents: 3,
    demoRequests: 3,
  },
  demo: { state: "seeded now", accounts: demoAccounts },
};

describe("the start banner for a person", () => {
  it("says the address, the database, what was seeded and the demo accounts in the README's terms", () => {
    const { out, announce } = capture("info", true);
    announce.started(seededNow);
    expect(out.lines).toEqual([]);
    expect(out.text).toBe(bannerText(seededNow));
    const lines = out.text.trimEnd().split("\n");
    expect(lines[0]).toBe("Pratica is listening on http://localhost:4000");
    expect(lines[1]).toBe("  database: embedded PGlite in /srv/pratica/api/.data/pglite");
    expect(lines[2]).toMatch(/^ {2}seeded now: 5 communities, 22 partner organisations, demo content \(6 threads/);
    expect(lines[3]).toBe(`  demo accounts (password ${DEMO_PASSWORD}):`);
    expect(lines.slice(4, 8).map((line) => line.trim().split(/\s{2,}/))).toEqual([
      ["admin@pratica.local", "platform admin"],
      ["member@pratica.local", "active member of every community"],
      ["facilitator.<slug>@pratica.local", "facilitator of community <slug>: neet, op4impact"],
      ["rep.<order>@pratica.local", "representative of a professional order: notaries"],
    ]);
    expect(lines[8]).toMatch(/LOG_LEVEL=debug adds one per request/);
    expect(lines).toHaveLength(9);
  });

  it("names PostgreSQL by host and database, and why there are no demo accounts", () => {
    const text = bannerText({
      ...seededNow,
      database: { kind: "postgres", host: "db.example:5432", database: "pratica" },
      seeded: undefined,
      demo: { state: "none", why: "never seeded in production" },
    });
    expect(text).toMatch(/^ {2}database: PostgreSQL, database pratica on db\.example:5432$/m);
    expect(text).toMatch(/^ {2}demo accounts: none \(never seeded in production\)$/m);
    expect(text).not.toMatch(/seeded now/);
  });

  it("says the demo accounts came from an earlier seed", () => {
    const text = bannerText({ ...seededNow, seeded: undefined, demo: { state: "present", accounts: demoAccounts } });
    expect(text).toMatch(/^ {2}demo accounts from an earlier seed \(password pratica-demo\):$/m);
  });

  it("stays quiet, stop message too, when LOG_LEVEL is above info", () => {
    const { out, announce } = capture("warn", true);
    announce.started(seededNow);
    announce.stopping("SIGINT");
    expect(out).toEqual({ text: "", lines: [] });
  });
});

describe("the start line for a log collector", () => {
  it("is one structured info line, and nothing else on stdout", () => {
    const { out, announce } = capture("info", false);
    announce.started({ ...seededNow, database: { kind: "postgres", host: "db:5432", database: "pratica" } });
    expect(out.text).toBe("");
    expect(out.lines).toHaveLength(1);
    expect(out.lines[0]).toMatchObject({
      level: 30,
      msg: "Pratica is listening on http://localhost:4000",
      port: 4000,
      database: { kind: "postgres", host: "db:5432", database: "pratica" },
      redis: false,
      seeded: seededNow.seeded,
      demoAccounts: "seeded now",
    });
  });
});

describe("what production needs to start", () => {
  it("refuses to start without SMTP_URL or SIGNING_SECRET, saying what to set", () => {
    expect(() => loadConfig({ NODE_ENV: "production", SIGNING_SECRET: PRODUCTION.SIGNING_SECRET })).toThrow(
      /SMTP_URL: is required when NODE_ENV=production: set it to your mail server/,
    );
    expect(() => loadConfig({ NODE_ENV: "production", SMTP_URL: PRODUCTION.SMTP_URL })).toThrow(
      /SIGNING_SECRET: is required when NODE_ENV=production/,
    );
    expect(() => loadConfig({ ...PRODUCTION, SIGNING_SECRET: "short" })).toThrow(/SIGNING_SECRET: must be at least 32/);
    expect(loadConfig(PRODUCTION).devMailbox).toBe(false);
  });

  it("keeps mail in the development mailbox only in development without SMTP_URL", () => {
    expect(loadConfig({ NODE_ENV: "development" }).devMailbox).toBe(true);
    expect(loadConfig({ NODE_ENV: "development", SMTP_URL: "smtp://127.0.0.1:2525" }).devMailbox).toBe(false);
    expect(loadConfig({ NODE_ENV: "test" }).devMailbox).toBe(false);
  });
});
