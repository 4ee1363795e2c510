import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll } from "vitest";

/** A real SMTP server on a random port; every message it accepts is parsed and kept. */
export function useSmtpServer() {
  const received: { envelopeTo: string[]; mail: ParsedMail }[] = [];
  const waiting: { subject: string; resolve: (mail: ParsedMail) => void }[] = [];
  // Waiters on what has arrived so far: each looks for its message whenever one arrives.
  const waitingFor: { find: () => ParsedMail | undefined; resolve: (mail: ParsedMail) => void }[] = [];
  const isFor = (r: (typeof received)[number], to: string, subject: RegExp | undefined) =>
    r.envelopeTo.includes(to) && (!subject || subject.test(r.mail.subject ?? ""));
  /** The `n`th message (from 1) to `to` whose subject matches, once it has arrived. */
  const nthTo = (to: string, n: number, subject?: RegExp) => () =>
    received.filter((r) => isFor(r, to, subject))[n - 1]?.mail;
  const whenArrived = (find: () => ParsedMail | undefined) => {
    const already = find();
    if (already) return Promise.resolve(already);
    return new Promise<ParsedMail>((resolve) => waitingFor.push({ find, resolve }));
  };
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    async onData(stream, session, callback) {
      try {
        const mail = await simpleParser(stream);
        received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail });
        for (const w of waiting.filter((w) => w.subject === mail.subject)) {
          waiting.splice(waiting.indexOf(w), 1);
          w.resolve(mail);
        }
        for (const w of [...waitingFor]) {
          const found = w.find();
          if (!found) continue;
          waitingFor.splice(waitingFor.indexOf(w), 1);
          w.resolve(found);
        }
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
  const state = { port: 0 };
  beforeAll(async () => {
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    state.port = (smtp.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });
  return {
    state,
    received,
    /** Resolves with the next message of that subject to arrive. */
    arrival: (subject: string) => new Promise<ParsedMail>((resolve) => waiting.push({ subject, resolve })),
    /**
     * The first message to `to` (whose subject matches, if given), already received or still to
     * come: tests that give each account its own address need not start waiting before the send.
     */
    mailTo: (to: string, subject?: RegExp) => whenArrived(nthTo(to, 1, subject)),
    /** The `n`th message (from 1) to `to`, already received or still to come. */
    nthMailTo: (to: string, n: number, subject?: RegExp) => whenArrived(nthTo(to, n, subject)),
    /** How many messages went to `to`. */
    countTo: (to: string) => received.filter((r) => r.envelopeTo.includes(to)).length,
  };
}
