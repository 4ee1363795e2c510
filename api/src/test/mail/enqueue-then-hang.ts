// A child process for kill.test.ts: opens the database as main.ts does, queues one email in a
// committed unit of work (with no SMTP server, so nothing sends it), says so, and waits to be killed.
import "reflect-metadata";
import { createDatabase, migrateDatabase } from "@pratica/db";
import { createJobQueue } from "../../core/job-queue.js";
import { unitOfWork } from "../../core/unit-of-work.js";
import { MailService } from "../../modules/mail/mail.service.js";

const database = await createDatabase({ url: process.env.DATABASE_URL, pgliteDir: process.env.PGLITE_DIR });
await migrateDatabase(database);
const queue = createJobQueue(database);
await queue.start();
const mail = new MailService({
  queue,
  from: "Pratica <no-reply@pratica.test>",
  publicOrigin: () => "http://localhost",
});
await mail.start();
const id = await unitOfWork(database.db, (work) =>
  mail.enqueue(work, {
    to: "maria@example.org",
    subject: "Survives a kill",
    text: "Queued before the kill.\n",
    html: "<p>Queued before the kill.</p>",
  }),
);
process.stdout.write(`enqueued ${id}\n`);
setInterval(() => {}, 60_000);
