import "reflect-metadata";
import { pathToFileURL } from "node:url";
import { createDatabase, type DatabaseHandle, migrateDatabase } from "@pratica/db";
import { type Config, loadConfig } from "../config.js";
import type { Locale } from "../core/context.js";
import { DomainError } from "../core/errors.js";
import { createJobQueue } from "../core/job-queue.js";
import { InvitationService } from "../modules/admin/invitation.service.js";
import { SessionService } from "../modules/identity/session.service.js";
import { MailService } from "../modules/mail/mail.service.js";

/**
 * `pnpm --filter @pratica/api admin:invite you@example.org [--lang en]`: the first admin of a
 * production install (there is never a default admin or password there). It queues an invitation
 * email in the app's own job queue; a running api sends it (in development without SMTP_URL it
 * lands in the development mailbox, /dev/mail). Accepting it creates the account as ADMIN, or
 * makes the existing account with that address an admin.
 */

export type InviteArgs = { email: string; locale: Locale };

const USAGE = "usage: pnpm --filter @pratica/api admin:invite <email> [--lang it|en]";

/** Reads `<email> [--lang it|en]`; throws the usage line otherwise. */
export function parseArgs(argv: readonly string[]): InviteArgs {
  const rest = [...argv];
  let locale: Locale = "it";
  const at = rest.indexOf("--lang");
  if (at >= 0) {
    const value = rest[at + 1];
    if (value !== "it" && value !== "en") throw new Error(USAGE);
    locale = value;
    rest.splice(at, 2);
  }
  if (rest.length !== 1 || !rest[0]) throw new Error(USAGE);
  return { email: rest[0], locale };
}

/**
 * Queues the invitation on an open, migrated database. pg-boss runs here without its maintenance
 * or cron (the api's own instance does those) and without a sender: this process only enqueues.
 */
export async function inviteAdmin(
  database: DatabaseHandle,
  config: Pick<Config, "MAIL_FROM" | "PUBLIC_ORIGIN" | "PORT" | "SESSION_TTL_DAYS">,
  args: InviteArgs,
): Promise<string[]> {
  const queue = createJobQueue(database, { supervise: false, schedule: false });
  await queue.start();
  try {
    const origin = config.PUBLIC_ORIGIN ?? `http://localhost:${config.PORT}`;
    const mail = new MailService({ queue, from: config.MAIL_FROM, publicOrigin: () => origin });
    await mail.start();
    const invitations = new InvitationService(
      database.db,
      mail,
      new SessionService(database.db, config.SESSION_TTL_DAYS),
    );
    const sent = await invitations.inviteAdmin(args);
    return [
      `Queued an invitation to run Pratica as an admin for ${sent.email} (email in ${args.locale === "it" ? "Italian" : "English"}).`,
      sent.accountExists
        ? "An account with this address exists: accepting the link (logged in as that account) makes it an admin."
        : "No account has this address yet: the link creates it, as an admin, with the name and password chosen there.",
      `The link works once, until ${sent.expiresAt.toISOString()}; links start with ${origin} (PUBLIC_ORIGIN).`,
      "A running api sends it through SMTP_URL; in development without SMTP_URL it appears in the development mailbox (/dev/mail).",
      "Recorded in the audit log as user.invite_admin.",
    ];
  } finally {
    // Closes pg-boss's own pool on PostgreSQL; on PGlite the connection stays the caller's.
    await queue.stop({ graceful: false, close: true });
  }
}

async function main() {
  let args: InviteArgs;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  const config = loadConfig();
  const database = await createDatabase({ url: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
  try {
    await migrateDatabase(database);
    for (const line of await inviteAdmin(database, config, args)) process.stdout.write(`${line}\n`);
  } catch (error) {
    process.stderr.write(
      error instanceof DomainError ? `Not sent: ${error.message}\n` : `Not sent: ${(error as Error).stack}\n`,
    );
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
