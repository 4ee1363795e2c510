import { EventEmitter } from "node:events";
import { type Database, devMailbox } from "@pratica/db";
import type { Transporter } from "nodemailer";
import type { JobResult } from "pg-boss";
import { inTransaction, type JobQueue } from "../../core/job-queue.js";
import type { Work } from "../../core/unit-of-work.js";

/** One email, as the queue stores it: always both parts, so every client shows something. */
export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers, e.g. `List-Id` and `List-Unsubscribe` on notification emails. */
  headers?: Record<string, string> | undefined;
};

export const MAIL_QUEUE = "mail";

/**
 * An SMTP server that refuses or is away is retried with backoff (about 30 s, 1 min, 2 min …,
 * jittered, capped at one hour): 30 retries span 23 to 24 hours, then the job fails and stays in
 * the queue for inspection.
 */
const MAIL_QUEUE_OPTIONS = { retryLimit: 30, retryDelay: 30, retryBackoff: true, retryDelayMax: 3600 } as const;

export type MailSettings = {
  /** The job queue of this process; mail is only ever sent through it. */
  queue: JobQueue;
  /** `MAIL_FROM`. */
  from: string;
  /** The SMTP transport (`SMTP_URL`); without one nothing is sent and jobs wait in the queue. */
  transport?: Transporter | undefined;
  /** How often an idle worker asks for mail (pg-boss's `pollingIntervalSeconds`). */
  pollingIntervalSeconds?: number | undefined;
  /** The address links in emails start with (`PUBLIC_ORIGIN`, or this server's own once it listens). */
  publicOrigin: () => string;
  /**
   * Development without `SMTP_URL`: keep each message in the development mailbox (`/dev/mail`)
   * instead of sending it. Never in production, where `SMTP_URL` is required.
   */
  devMailbox?: Database | undefined;
};

/**
 * Outgoing mail. A write that means to send mail enqueues it in its own unit of work, so the mail
 * exists only if the write commits; a queue worker sends it over SMTP afterwards, with retries.
 */
export class MailService {
  /** Emits `kept` with the Message-ID once a message is in the development mailbox (a signal for tests). */
  readonly events = new EventEmitter<{ kept: [messageId: string] }>();

  /** Without settings (services built with no app around them) nothing can be queued. */
  constructor(private readonly settings: MailSettings | undefined) {}

  /** An absolute link into the app, for emails: `url("/reset-password", { token })`. */
  url(path: string, query: Record<string, string> = {}): string {
    if (!this.settings) throw new Error("mail: no settings in this process");
    const url = new URL(path, this.settings.publicOrigin());
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    return url.href;
  }

  /** Queues a message in the unit of work's transaction: a rollback sends nothing. */
  async enqueue(work: Pick<Work, "tx">, message: MailMessage): Promise<string> {
    if (!this.settings) throw new Error("mail: no job queue in this process");
    const id = await this.settings.queue.send(MAIL_QUEUE, message, { db: inTransaction(work.tx) });
    if (!id) throw new Error("mail: the queue refused the message");
    return id;
  }

  /** Creates the mail queue and, when there is a transport, starts this process's sender. */
  async start(): Promise<void> {
    if (!this.settings) return;
    const { queue, transport } = this.settings;
    await queue.createQueue(MAIL_QUEUE, MAIL_QUEUE_OPTIONS);
    // A queue created by an earlier release keeps its options unless told the current ones.
    await queue.updateQueue(MAIL_QUEUE, MAIL_QUEUE_OPTIONS);
    const mailbox = this.settings.devMailbox;
    if (!transport && !mailbox) return;
    // Up to 20 messages per fetch, each settled on its own (perJobResults: a refused message is
    // retried alone), and while fetches come back full the worker fetches again at once instead of
    // waiting a polling interval: one job per poll sent 2 messages a second (bench/src/digest.ts).
    await queue.work<MailMessage>(
      MAIL_QUEUE,
      {
        pollingIntervalSeconds: this.settings.pollingIntervalSeconds ?? 2,
        batchSize: 20,
        burstWhenBatchFull: true,
        localConcurrency: 2,
        perJobResults: true,
      },
      async (jobs) => {
        const results: JobResult[] = [];
        for (const job of jobs) {
          try {
            await this.deliver(job.id, job.data);
            results.push({ id: job.id, status: "completed" });
          } catch (error) {
            results.push({ id: job.id, status: "failed", output: { message: (error as Error).message } });
          }
        }
        return results;
      },
    );
  }

  private async deliver(jobId: string, message: MailMessage): Promise<void> {
    const { transport, from } = this.settings ?? {};
    // The job id names the message: should a crash come between SMTP's answer and the job's
    // completion, the retry carries the same Message-ID, which receivers use to drop duplicates.
    const messageId = `<${jobId}@pratica>`;
    const { to, subject, text, html, headers = {} } = message;
    if (transport) {
      await transport.sendMail({ from, to, subject, text, html, headers, messageId });
      return;
    }
    await this.settings?.devMailbox
      ?.insert(devMailbox)
      .values({ messageId, to, subject, text, html, headers })
      .onConflictDoNothing({ target: devMailbox.messageId });
    this.events.emit("kept", messageId);
  }

  /** Stops sending (the queue itself is stopped by its owner) and closes the SMTP connections. */
  async stop(): Promise<void> {
    if (!this.settings) return;
    await this.settings.queue.offWork(MAIL_QUEUE, { wait: true });
    this.settings.transport?.close();
  }
}
