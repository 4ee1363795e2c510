import { describe, expect, it } from "vitest";
import { addMember, buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { useSmtpServer } from "../smtp.js";
import { as, buildCast, CLOSE, createDecision, NOW, PUBLISH } from "./support.js";

const smtp = useSmtpServer();
const server = useTestServer(
  () => ({ SMTP_URL: `smtp://127.0.0.1:${smtp.state.port}`, MAIL_POLL_SECONDS: "0.5" }),
  undefined,
  { decisionsClock: () => NOW },
);
const ask = as(server);

describe("decision emails, in the recipient's language", () => {
  it("DECISION_OPENED and DECISION_OUTCOME reach the electorate by email, linking to the decision", async () => {
    const c = await buildCast(server);
    const italian = await buildUser(server.db, { emailDelivery: "IMMEDIATE", locale: "it" });
    const english = await buildUser(server.db, { emailDelivery: "IMMEDIATE", locale: "en" });
    await addMember(server.db, c.community, italian);
    await addMember(server.db, c.community, english);
    const d = await createDecision(server, c.author, {
      communityId: c.community.id,
      title: "Adottiamo la guida",
      kind: "CONSENT",
    });
    const it1 = await smtp.mailTo(italian.email);
    expect(it1.subject).toContain("Adottiamo la guida");
    expect(it1.text).toContain("attende il tuo voto");
    expect(it1.text).toContain(`/decisions/${d.id}`);
    const en1 = await smtp.mailTo(english.email);
    expect(en1.text).toContain("open for your vote");
    const closed = (await ask(c.author, CLOSE, { i: { decisionId: d.id, expectedVersion: d.version } })).data
      ?.closeDecision;
    await ask(c.author, PUBLISH, { i: { decisionId: d.id, expectedVersion: closed.version, text: "Adopted." } });
    const outcome = await smtp.nthMailTo(english.email, 2);
    expect(outcome.text).toContain("outcome");
    expect(outcome.text).toContain(`/decisions/${d.id}`);
  });
});
