import { users } from "@pratica/db";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { addMember, buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { useSmtpServer } from "../smtp.js";
import { buildCast, buildEvent, CANCEL, CANCEL_REGISTRATION, hooks, REGISTER, request } from "./support.js";

const smtp = useSmtpServer();
const server = useTestServer(
  () => ({
    SMTP_URL: `smtp://127.0.0.1:${smtp.state.port}`,
    MAIL_FROM: "Pratica <no-reply@pratica.test>",
    MAIL_POLL_SECONDS: "0.5",
    SIGNING_SECRET: "events-test-signing-secret-of-32-chars!!",
  }),
  undefined,
  hooks,
);
const send = request(() => server.url);

it("a seat offered is emailed in the recipient's language (Italian), with the event's Italian title and link", async () => {
  const cast = await buildCast(server.db);
  const event = await buildEvent(server.db, cast, { capacity: 1 });
  const [first, second] = [
    await buildUser(server.db),
    await buildUser(server.db, { emailDelivery: "IMMEDIATE", locale: "it" }),
  ];
  for (const p of [first, second]) await addMember(server.db, cast.community, p);
  await send(first, REGISTER, { id: event.id });
  await send(second, REGISTER, { id: event.id });
  await send(first, CANCEL_REGISTRATION, { id: event.id });
  const mail = await smtp.mailTo(second.email);
  expect(mail.subject).toBe(`[${cast.community.name}] Laboratorio sull'impatto`);
  expect(mail.text).toContain("Si è liberato un posto per te a «Laboratorio sull'impatto»");
  expect(mail.text).toContain(`/events/${event.id}`);
});

it("a cancellation is emailed in English to an English reader, with the English title", async () => {
  const cast = await buildCast(server.db);
  await server.db.update(users).set({ emailDelivery: "IMMEDIATE", locale: "en" }).where(eq(users.id, cast.member.id));
  const event = await buildEvent(server.db, cast);
  await send(cast.member, REGISTER, { id: event.id });
  await send(cast.facilitator, CANCEL, {
    i: { eventId: event.id, expectedVersion: 1, reason: "The venue is closed." },
  });
  const mail = await smtp.mailTo(cast.member.email);
  expect(mail.subject).toBe(`[${cast.community.name}] Workshop on impact`);
  expect(mail.text).toContain("“Workshop on impact” is cancelled");
  expect(mail.text).toContain("The venue is closed.");
});
