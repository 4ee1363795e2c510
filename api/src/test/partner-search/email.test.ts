import { users } from "@pratica/db";
import { inArray } from "drizzle-orm";
import { expect, it } from "vitest";
import { useTestServer } from "../fixture.js";
import { useSmtpServer } from "../smtp.js";
import { buildCast, buildSearch, DECIDE, EXPRESS, request } from "./support.js";

const smtp = useSmtpServer();
const server = useTestServer(() => ({
  SMTP_URL: `smtp://127.0.0.1:${smtp.state.port}`,
  MAIL_FROM: "Pratica <no-reply@pratica.test>",
  MAIL_POLL_SECONDS: "0.5",
  SIGNING_SECRET: "partner-search-test-signing-secret-32!!",
}));
const send = request(() => server.url);

it("an interest is emailed to the publisher's representative, and the decision to the interested person, in their languages", async () => {
  const c = await buildCast(server.db);
  await server.db
    .update(users)
    .set({ emailDelivery: "IMMEDIATE" })
    .where(inArray(users.id, [c.lead.id, c.rep.id]));
  const s = await buildSearch(server.db, c);
  const interest = await send(c.rep, EXPRESS, {
    i: { searchId: s.id, organizationId: c.partner.id, role: "PARTNER", message: "We run youth centres." },
  });
  // lead reads English (buildCast), rep Italian (the default).
  const toLead = await smtp.mailTo(c.lead.email);
  expect(toLead.text).toContain(`is interested in your partner search for “${c.call.title}”`);
  expect(toLead.text).toContain(`${c.partner.name}: We run youth centres.`);
  expect(toLead.text).toContain(`/hub/searches/${s.id}`);
  await send(c.lead, DECIDE, { i: { id: interest.data?.expressInterest.id, version: 1, decision: "CONFIRM" } });
  const toRep = await smtp.mailTo(c.rep.email);
  expect(toRep.text).toContain(c.call.title);
  expect(toRep.text).toContain("Confermato");
});
