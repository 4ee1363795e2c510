import { DEMO_PASSWORD, type DemoAccount } from "@pratica/db";
import type { Config } from "../config.js";
import type { Logger } from "../core/logger.js";
import type { DatabaseFacts, DemoFacts, StartFacts } from "./facts.js";

/** How the process says that it started and that it stops. */
export type Announcer = { started: (facts: StartFacts) => void; stopping: (signal: string) => void };

export type AnnouncerOptions = {
  /** Plain text for a person, or one structured log line for a collector. */
  human: boolean;
  logger: Logger;
  /** Where the human text goes (stdout). */
  write: (text: string) => void;
};

/** A person reads a terminal, and the console of a development start even when it is piped. */
export const forPeople = (nodeEnv: Config["NODE_ENV"], isTTY: boolean | undefined): boolean =>
  isTTY === true || nodeEnv === "development";

export function announcer({ human, logger, write }: AnnouncerOptions): Announcer {
  if (!human) {
    return {
      started: (facts) =>
        logger.info(
          {
            port: facts.port,
            database: facts.database,
            redis: facts.redis,
            seeded: facts.seeded ?? null,
            demoAccounts: facts.demo.state,
          },
          `Pratica is listening on ${facts.url}`,
        ),
      stopping: (signal) => logger.info({ signal }, "shutting down"),
    };
  }
  // Written at info, as the structured line would be: LOG_LEVEL=warn quiets both.
  const speak = (text: string) => {
    if (logger.isLevelEnabled("info")) write(text);
  };
  return {
    started: (facts) => speak(bannerText(facts)),
    stopping: (signal) => speak(`Pratica is shutting down (${signal}).\n`),
  };
}

export function bannerText(facts: StartFacts): string {
  const lines = [`Pratica is listening on ${facts.url}`, `  database: ${databaseText(facts.database)}`];
  const { seeded } = facts;
  if (seeded) {
    const demo = seeded.demoAccounts
      ? `, demo content (${seeded.demoThreads} threads, ${seeded.demoResources} resources, ${seeded.demoPaths} paths, ${seeded.demoDeliverables} documents)`
      : "";
    lines.push(`  seeded now: ${seeded.communities} communities, ${seeded.organizations} partner organisations${demo}`);
  }
  lines.push(...demoText(facts.demo));
  lines.push("  logs: JSON lines on stdout; LOG_LEVEL=debug adds one per request. Ctrl-C stops.");
  return `${lines.join("\n")}\n`;
}

function databaseText(database: DatabaseFacts): string {
  if (database.kind === "postgres")
    return `PostgreSQL, database ${database.database || "(the user's)"} on ${database.host}`;
  return database.dir === "memory://"
    ? "embedded PGlite in memory (nothing is kept)"
    : `embedded PGlite in ${database.dir}`;
}

// The README's "Demo accounts" table, from the accounts the seed creates.
function demoText(demo: DemoFacts): string[] {
  if (demo.state === "none") return [`  demo accounts: none (${demo.why})`];
  const rows = accountRows(demo.accounts);
  const width = Math.max(...rows.map(([email]) => email.length));
  return [
    `  demo accounts${demo.state === "present" ? " from an earlier seed" : ""} (password ${DEMO_PASSWORD}):`,
    ...rows.map(([email, who]) => `    ${email.padEnd(width)}  ${who}`),
  ];
}

function accountRows(accounts: DemoAccount[]): [email: string, who: string][] {
  const rows: [string, string][] = [];
  for (const account of accounts) {
    if (account.role === "ADMIN") rows.push([account.email, "platform admin"]);
    else if (account.memberOfAll) rows.push([account.email, "active member of every community"]);
  }
  const slugs = accounts.flatMap((account) => (account.facilitates ? [account.facilitates] : []));
  if (slugs.length) {
    rows.push(["facilitator.<slug>@pratica.local", `facilitator of community <slug>: ${slugs.join(", ")}`]);
  }
  const orders = accounts.flatMap((account) => (account.represents ? [account.represents] : []));
  if (orders.length) {
    rows.push(["rep.<order>@pratica.local", `representative of a professional order: ${orders.join(", ")}`]);
  }
  return rows;
}
