import { describe, expect, it } from "vitest";
import { unitOfWork } from "../../core/unit-of-work.js";
import type { MailMessage } from "../../modules/mail/mail.service.js";
import { useTestServer } from "../fixture.js";
import { useSmtpServer } from "../smtp.js";

const message = (subject: string, to = "maria@example.org"): MailMessage => ({
  to,
  subject,
  text: `Hello Maria,\n\n${subject}.\n`,
  html: `<p>Hello Maria,</p><p>${subject}.</p>`,
});

describe("mail", () => {
  const smtp = useSmtpServer();
  const server = useTestServer(() => ({
    SMTP_URL: `smtp://127.0.0.1:${smtp.state.port}`,
    MAIL_FROM: "Pratica <no-reply@pratica.test>",
    MAIL_POLL_SECONDS: "0.5",
  }));

  it("a message queued in a committed unit of work arrives once, as text and HTML", async () => {
    const arrived = smtp.arrival("Welcome to Pratica");
    const sentinel = smtp.arrival("Sentinel one");
    await unitOfWork(server.db, (work) => server.services.mail.enqueue(work, message("Welcome to Pratica")));
    const mail = await arrived;

    expect(mail.from?.value).toEqual([{ name: "Pratica", address: "no-reply@pratica.test" }]);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : undefined).toBe("maria@example.org");
    expect(mail.headers.get("content-type")).toMatchObject({ value: "multipart/alternative" });
    expect(mail.text).toBe("Hello Maria,\n\nWelcome to Pratica.\n");
    expect(mail.html).toBe("<p>Hello Maria,</p><p>Welcome to Pratica.</p>");
    expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@pratica>$/);

    // A later message arriving means the queue moved on: the first did not come again.
    await unitOfWork(server.db, (work) => server.services.mail.enqueue(work, message("Sentinel one")));
    await sentinel;
    expect(smtp.received.filter((r) => r.mail.subject === "Welcome to Pratica")).toHaveLength(1);
    expect(smtp.received.find((r) => r.mail.subject === "Welcome to Pratica")?.envelopeTo).toEqual([
      "maria@example.org",
    ]);
  });

  it("a rolled-back unit of work sends nothing", async () => {
    const sentinel = smtp.arrival("Sentinel two");
    await expect(
      unitOfWork(server.db, async (work) => {
        await server.services.mail.enqueue(work, message("Never sent"));
        throw new Error("the write is refused");
      }),
    ).rejects.toThrow("the write is refused");
    await unitOfWork(server.db, (work) => server.services.mail.enqueue(work, message("Sentinel two")));
    await sentinel;
    expect(smtp.received.filter((r) => r.mail.subject === "Never sent")).toHaveLength(0);
  });
});
