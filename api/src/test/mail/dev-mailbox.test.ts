import { once } from "node:events";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { unitOfWork } from "../../core/unit-of-work.js";
import { renderEmail } from "../../modules/mail/email-layout.js";
import { linksIn } from "../../server/dev-mail-routes.js";
import { useTestServer } from "../fixture.js";
import { PRODUCTION } from "../server.js";

let webDist: string;
let current: { url: string };
const origin = () => new URL(current.url).origin;
beforeAll(async () => {
  webDist = await mkdtemp(join(tmpdir(), "pratica-web-"));
  await writeFile(
    join(webDist, "index.html"),
    "<!doctype html><html><head><title>Pratica</title></head><body></body></html>",
  );
  // The app's one page here is "/": any other path the app does not know answers 404.
  await writeFile(join(webDist, "app-routes.json"), JSON.stringify(["/"]));
});

describe("the development mailbox (development, no SMTP_URL)", () => {
  const server = useTestServer(() => ({ NODE_ENV: "development", MAIL_POLL_SECONDS: "0.5", WEB_DIST_DIR: webDist }));
  beforeAll(() => {
    current = server;
  });

  it("keeps each message and shows it at /dev/mail, with its links, headers and both parts", async () => {
    const link = server.services.mail.url("/reset-password", { token: "abc" });
    const message = renderEmail("maria@example.org", {
      locale: "it",
      subject: "Reimposta la password",
      heading: "Reimposta la password",
      paragraphs: ["Qualcuno ha chiesto di reimpostare la password <di questo account>."],
      action: { label: "Scegli una nuova password", url: link },
    });
    const kept = once(server.services.mail.events, "kept");
    await unitOfWork(server.db, (work) =>
      server.services.mail.enqueue(work, { ...message, headers: { "List-Id": "<notifications.pratica.test>" } }),
    );
    const [messageId] = await kept;
    expect(messageId).toMatch(/@pratica>$/);

    const list = await fetch(`${origin()}/dev/mail`, { headers: { "accept-language": "en" } });
    expect(list.status).toBe(200);
    expect(list.headers.get("content-security-policy")).toContain("default-src 'none'");
    const listHtml = await list.text();
    expect(listHtml).toContain("Development mailbox");
    expect(listHtml).toContain("maria@example.org");
    const href = listHtml.match(/href="(\/dev\/mail\/[0-9a-f-]{36})"/)?.[1];
    expect(href).toBeDefined();

    const pageResponse = await fetch(`${origin()}${href}`, { headers: { "accept-language": "it" } });
    // The page frames the email's HTML part: default-src 'none' alone would block the frame.
    expect(pageResponse.headers.get("content-security-policy")).toContain("frame-src 'self'");
    const page = await pageResponse.text();
    expect(page).toContain('lang="it"');
    expect(page).toContain("Link nel messaggio");
    expect(page).toContain(`<a href="${link}">`);
    expect(page).toContain("List-Id");
    // The text is escaped, never markup.
    expect(page).toContain("&lt;di questo account&gt;");
    expect(link).toBe(`${origin().replace("127.0.0.1", "localhost")}/reset-password?token=abc`);

    const html = await fetch(`${origin()}${href}/html`);
    expect(html.headers.get("content-security-policy")).toContain("frame-ancestors 'self'");
    expect(html.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(await html.text()).toContain('<html lang="it">');
  });

  it("links the mailbox from every page of the app; unknown messages are 404", async () => {
    const index = await (await fetch(`${origin()}/`)).text();
    expect(index).toContain('<meta name="pratica-dev-mailbox" content="/dev/mail">');
    expect((await fetch(`${origin()}/dev/mail/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await fetch(`${origin()}/dev/mail/not-an-id`)).status).toBe(404);
  });
});

describe("in production", () => {
  const server = useTestServer(() => ({ ...PRODUCTION, WEB_DIST_DIR: webDist }));
  beforeAll(() => {
    current = server;
  });

  it("there is no mailbox: /dev/mail is 404 and the app carries no link to it", async () => {
    expect((await fetch(`${origin()}/dev/mail`)).status).toBe(404);
    expect(await (await fetch(`${origin()}/`)).text()).not.toContain("pratica-dev-mailbox");
  });
});

describe("under test, without SMTP_URL", () => {
  const server = useTestServer(() => ({ WEB_DIST_DIR: webDist }));
  beforeAll(() => {
    current = server;
  });

  it("has no mailbox either", async () => {
    expect((await fetch(`${origin()}/dev/mail`)).status).toBe(404);
  });
});

describe("linksIn", () => {
  it("finds each URL of the text once, in order", () => {
    expect(linksIn("Open https://a.example/x?t=1 or\nhttps://b.example/y.\nAgain https://a.example/x?t=1")).toEqual([
      "https://a.example/x?t=1",
      "https://b.example/y",
    ]);
  });
});
