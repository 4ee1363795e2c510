import { users } from "@pratica/db";
import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { useTestServer } from "../fixture.js";
import { useSmtpServer } from "../smtp.js";
import { ANSWER, buildCast, buildRequest, type Cast, hooks, OPEN, request } from "./support.js";

const smtp = useSmtpServer();
const server = useTestServer(
  () => ({
    SMTP_URL: `smtp://127.0.0.1:${smtp.state.port}`,
    MAIL_FROM: "Pratica <no-reply@pratica.test>",
    MAIL_POLL_SECONDS: "0.5",
    SIGNING_SECRET: "procurement-test-signing-secret-of-32!!",
  }),
  undefined,
  hooks,
);
const send = request(() => server.url);
let cast: Cast;
beforeAll(async () => {
  cast = await buildCast(server.db);
});

it("opening a request emails a matching supplier's representative in Italian, with the request's link", async () => {
  await server.db.update(users).set({ emailDelivery: "IMMEDIATE", locale: "it" }).where(eq(users.id, cast.supplier.id));
  const draft = await buildRequest(server.db, cast, {
    state: "DRAFT",
    openedAt: null,
    title: "Pulizia della biblioteca",
  });
  const res = await send(cast.buyer, OPEN, { id: draft.id, v: 1 });
  expect(res.errors).toBeUndefined();
  const mail = await smtp.mailTo(cast.supplier.email);
  expect(mail.text).toContain("Un acquirente cerca ciò che fornisci: «Pulizia della biblioteca»");
  expect(mail.text).toContain(`/buy-social/requests/${draft.id}`);
});

it("an answer emails the buyer's representative in English; the answer's text is not in the email", async () => {
  await server.db.update(users).set({ emailDelivery: "IMMEDIATE", locale: "en" }).where(eq(users.id, cast.buyer.id));
  const r = await buildRequest(server.db, cast, { title: "Cleaning of the library" });
  const res = await send(cast.supplier, ANSWER, {
    i: { requestId: r.id, organizationId: cast.supplierOrg.id, body: "Our confidential offer", amount: 4200 },
  });
  expect(res.errors).toBeUndefined();
  const mail = await smtp.mailTo(cast.buyer.email);
  expect(mail.text).toContain("answered your request “Cleaning of the library”");
  expect(mail.text).not.toContain("Our confidential offer");
});
