import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll } from "vitest";

/** A real SMTP server on a random port; every message it accepts is parsed and kept. */
export function useSmtpServer() {
  const received: { envelopeTo: string[]; mail: ParsedMail }[] = [];
  const waiting: { subject: string; resolve: (mail: ParsedMail) => void }[] = [];
  const waitingFor: { to: string; subject: RegExp | undefined; resolve: (mail: ParsedMail) => void }[] = [];
  const isFor = (r: (typeof received)[number], to: string, subject: RegExp | undefined) =>
    r.envelopeTo.includes(to) && (!subject || subject.test(r.mail.subject ?? ""));
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
        const arrived = received[received.length - 1];
        for (const w of waitingFor.filter((w) => arrived && isFor(arrived, w.to, w.subject))) {
          waitingFor.splice(waitingFor.indexOf(w), 1);
          w.resolve(mail);
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
    mailTo: (to: string, subject?: RegExp) => {
      const already = received.find((r) => isFor(r, to, subject));
      if (already) return Promise.resolve(already.mail);
      return new Promise<ParsedMail>((resolve) => waitingFor.push({ to, subject, resolve }));
    },
    /** How many messages went to `to`. */
    countTo: (to: string) => received.filter((r) => r.envelopeTo.includes(to)).length,
  };
}
