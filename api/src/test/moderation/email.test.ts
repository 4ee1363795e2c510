import { users } from "@pratica/db";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { gql } from "../client.js";
import { useTestServer } from "../fixture.js";
import { useSmtpServer } from "../smtp.js";
import { buildCast, buildReportedPost, DECIDE, reportPost } from "./support.js";

const smtp = useSmtpServer();
const server = useTestServer(() => ({
  SMTP_URL: `smtp://127.0.0.1:${smtp.state.port}`,
  MAIL_FROM: "Pratica <no-reply@pratica.test>",
  MAIL_POLL_SECONDS: "0.5",
  SIGNING_SECRET: "moderation-test-signing-secret-of-32-chars",
}));

it("the author of hidden content is emailed at once, in Italian, with the message and a link to the case", async () => {
  const cast = await buildCast(server.db);
  await server.db.update(users).set({ emailDelivery: "IMMEDIATE", locale: "it" }).where(eq(users.id, cast.author.id));
  const post = await buildReportedPost(server.db, cast);
  const caseId = await reportPost(server, post.id, cast.reporter);
  const res = await gql(
    server.url,
    DECIDE,
    {
      i: {
        caseId,
        action: "HIDE",
        reason: "pubblicità",
        message: "Il messaggio è pubblicità: non è ammessa in questa comunità.",
        expectedState: "OPEN",
      },
    },
    { token: cast.facilitator.token },
  );
  expect(res.errors).toBeUndefined();
  const mail = await smtp.mailTo(cast.author.email);
  expect(mail.subject).toBe(
    `[${cast.community.name}] I moderatori di ${cast.community.name} sono intervenuti su un tuo contenuto`,
  );
  expect(mail.text).toContain("Il messaggio è pubblicità: non è ammessa in questa comunità.");
  expect(mail.text).toContain(`/moderation/cases/${caseId}`);
  expect(mail.text).toContain("Vedi il motivo");
  // The internal note never reaches the author.
  expect(mail.text).not.toContain("pubblicità\n");
  expect(mail.html).toContain('<html lang="it">');
});

it("the reporter is told the outcome in their own language only, with a link that stops notification emails (watch levels do not silence it)", async () => {
  const cast = await buildCast(server.db);
  await server.db.update(users).set({ emailDelivery: "IMMEDIATE", locale: "en" }).where(eq(users.id, cast.reporter.id));
  const post = await buildReportedPost(server.db, cast);
  const caseId = await reportPost(server, post.id, cast.reporter);
  const res = await gql(
    server.url,
    DECIDE,
    { i: { caseId, action: "DISMISS", reason: "Not spam", expectedState: "OPEN" } },
    { token: cast.facilitator.token },
  );
  expect(res.errors).toBeUndefined();
  const mail = await smtp.mailTo(cast.reporter.email);
  expect(mail.text).toContain("The moderators reviewed your report and took no action.");
  expect(mail.text).not.toContain("I moderatori");
  expect(mail.text).toContain("Stop notification emails");
  expect(mail.text).not.toContain("Mute this community");
  const inbox = await gql(
    server.url,
    `{ notifications(first: 5) { edges { node { kind excerpt } } } }`,
    {},
    { token: cast.reporter.token, headers: { "accept-language": "it" } },
  );
  expect(inbox.data?.notifications.edges.map((e: { node: unknown }) => e.node)).toContainEqual({
    kind: "REPORT_OUTCOME",
    excerpt: "I moderatori hanno esaminato la tua segnalazione e non sono intervenuti.",
  });
});

it("a profile's case (no community) is emailed too", async () => {
  const cast = await buildCast(server.db);
  await server.db.update(users).set({ emailDelivery: "IMMEDIATE", locale: "en" }).where(eq(users.id, cast.author.id));
  const reported = await gql(
    server.url,
    `mutation($i: ReportContentInput!) { reportContent(input: $i) { id case { id } } }`,
    { i: { userId: cast.author.id, reason: "OFFENSIVE" } },
    { token: cast.reporter.token },
  );
  expect(reported.errors).toBeUndefined();
  const caseId = reported.data?.reportContent.case.id;
  const res = await gql(
    server.url,
    DECIDE,
    {
      i: {
        caseId,
        action: "WARN",
        reason: "Insulting bio",
        message: "Please keep your profile civil.",
        expectedState: "OPEN",
      },
    },
    { token: cast.admin.token },
  );
  expect(res.errors).toBeUndefined();
  const mail = await smtp.mailTo(cast.author.email);
  expect(mail.text).toContain("Please keep your profile civil.");
  expect(mail.text).toContain(`/moderation/cases/${caseId}`);
});
