import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumAvailable, launchChromium } from "./support/browser";
import { linkIn, mailEnv, useSmtpServer } from "./support/mail";
import { REPO_ROOT, type RunningServer, startServer } from "./support/server";
import { gql, logIn } from "./support/session";

const ARTIFACTS = join(REPO_ROOT, "test-artifacts");
const COMMUNITY = "circular-economy";
const FACILITATOR = `facilitator.${COMMUNITY}@pratica.local`;

describe.skipIf(!chromiumAvailable())("new-member limits: told when to retry, lifted by a facilitator's vouch", () => {
  const smtp = useSmtpServer();
  let server: RunningServer;
  let browser: Browser;
  let newcomerContext: BrowserContext;
  let facilitatorContext: BrowserContext;
  let newcomer: Page;
  let facilitator: Page;
  let threadId = "";
  const user = { name: "Nina Nuova", email: "nina.nuova@example.org", password: "correct horse battery" };

  beforeAll(async () => {
    server = await startServer({ env: mailEnv(smtp) });
    browser = await launchChromium();
    const options = { baseURL: server.baseUrl, locale: "en-US", viewport: { width: 1280, height: 800 } };
    newcomerContext = await browser.newContext(options);
    facilitatorContext = await browser.newContext(options);
    newcomer = await newcomerContext.newPage();
    facilitator = await facilitatorContext.newPage();
  });

  afterAll(async () => {
    if (newcomer && !newcomer.isClosed())
      await newcomer.screenshot({ path: join(ARTIFACTS, "new-member-last.png"), fullPage: true });
    await newcomerContext?.close();
    await facilitatorContext?.close();
    await browser?.close();
    await server?.stop();
  });

  it("a new member who replies too fast is told, in an alert, when the reply can be sent", async () => {
    // Registered, confirmed and joined: what the test is not about goes through the api.
    await newcomer.goto("/");
    await gql(newcomer, `mutation($i: RegisterInput!) { register(input: $i) { token } }`, {
      i: { displayName: user.name, email: user.email, password: user.password },
    });
    const mail = await smtp.nthMailTo(user.email, 1);
    const token = new URL(linkIn(mail, "/confirm-email")).searchParams.get("token");
    await gql(newcomer, `mutation($t: String!) { confirmEmail(token: $t) { id } }`, { t: token });
    const { community } = await gql<{ community: { id: string; threads: { edges: { node: { id: string } }[] } } }>(
      newcomer,
      `query($slug: String!) { community(slug: $slug) { id threads(first: 1) { edges { node { id } } } } }`,
      { slug: COMMUNITY },
    );
    await gql(newcomer, `mutation($id: ID!) { joinCommunity(communityId: $id) { id } }`, { id: community.id });
    threadId = community.threads.edges[0]?.node.id ?? "";
    for (const n of [1, 2, 3]) {
      await gql(newcomer, `mutation($i: AddPostInput!) { addPost(input: $i) { id } }`, {
        i: { threadId, body: `Hello, my reply number ${n}` },
      });
    }

    await newcomer.goto(`/t/${threadId}`);
    await newcomer.getByLabel("Write a reply").fill("One more thought, sent too soon");
    await newcomer.getByRole("button", { name: "Send reply" }).click();
    const alert = newcomer.getByRole("alert");
    await alert
      .getByText(/As a new member you can reply 3 times a minute\. You can send this reply in \d+ seconds?/)
      .waitFor();
    await expectNoAxeViolations(newcomer, "the thread page with a new member's refused reply");
    // The text is kept, to be sent later.
    await newcomer.getByLabel("Write a reply").filter({ hasText: "One more thought" }).waitFor();
  });

  it("the facilitator vouches for the new member on the members tab; the reply then goes through", async () => {
    await logIn(facilitator, FACILITATOR);
    await facilitator.goto(`/c/${COMMUNITY}?tab=members`);
    const row = facilitator.getByRole("listitem").filter({ hasText: user.name });
    await row.getByText("New member").waitFor();
    await row.getByRole("button", { name: `Vouch for this member (${user.name})` }).click();
    await facilitator.getByRole("status").getByText(`You vouched for ${user.name}`).waitFor();
    await row.getByRole("button", { name: /Vouch for this member/ }).waitFor({ state: "detached" });
    await expectNoAxeViolations(facilitator, "the members tab after vouching");

    await newcomer.getByRole("button", { name: "Send reply" }).click();
    await newcomer.getByRole("status").getByText("Your reply was posted.").waitFor();
    await newcomer.getByText("One more thought, sent too soon").first().waitFor();
  });
});
