import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumAvailable, launchChromium } from "./support/browser";
import { REPO_ROOT, type RunningServer, startServer } from "./support/server";
import { gql, logIn } from "./support/session";

// Demo accounts (db/src/seed): the admin and the representatives of three partners. For this
// story the labour consultants play a type B social cooperative, the lawyers another supplier,
// the notaries the buyer.
const ADMIN = "admin@pratica.local";
const BUYER = "rep.notaries@pratica.local";
const SUPPLIER = "rep.labour-consultants@pratica.local";
const OTHER_SUPPLIER = "rep.lawyers@pratica.local";
const SUPPLIER_SLUG = "order-labour-consultants";
const SUPPLIER_ORG = "Order of Labour Consultants of Torino";
const OTHER_ORG = "Bar Association of Torino";
const OTHER_SLUG = "order-lawyers";
const CLEANING = "90910000";
const TITLE = "Cleaning of the council's offices";
const ANSWER = "A team of six, four of them in work integration, twice a week.";

const ARTIFACTS = join(REPO_ROOT, "test-artifacts");
const SCREENSHOTS = join(REPO_ROOT, "docs", "screenshots");

/** A date-time input's value `days` ahead, at 12:00 (the wall clock in Rome). */
function daysAhead(days: number): string {
  const day = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}T12:00`;
}

describe.skipIf(!chromiumAvailable())("buy social: a request, a type B cooperative's answer, the shortlist", () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let admin: Page;
  let buyer: Page;
  let supplier: Page;
  let other: Page;
  let requestPath = "";

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    await mkdir(SCREENSHOTS, { recursive: true });
    server = await startServer();
    browser = await launchChromium();
    const options = {
      baseURL: server.baseUrl,
      locale: "en-US",
      timezoneId: "Europe/Rome",
      viewport: { width: 1280, height: 900 },
    };
    const pages: Page[] = [];
    for (let i = 0; i < 4; i++) {
      const context = await browser.newContext(options);
      contexts.push(context);
      pages.push(await context.newPage());
    }
    [admin, buyer, supplier, other] = pages as [Page, Page, Page, Page];
  });

  afterAll(async () => {
    for (const [page, name] of [
      [admin, "buy-social-admin-last.png"],
      [buyer, "buy-social-buyer-last.png"],
      [supplier, "buy-social-supplier-last.png"],
      [other, "buy-social-other-last.png"],
    ] as const) {
      if (page && !page.isClosed()) await page.screenshot({ path: join(ARTIFACTS, name), fullPage: true });
    }
    await browser?.close();
    await server?.stop();
  });

  it("a supplier's representative writes the profile (CPV picker, area) and adds a type B certification", async () => {
    await logIn(supplier, SUPPLIER);
    await supplier.goto(`/partners/${SUPPLIER_SLUG}`);
    await supplier.getByRole("link", { name: "Supplier profile" }).click();
    await supplier.getByRole("heading", { level: 2, name: "Create the supplier profile" }).waitFor();
    await supplier.getByLabel("What you supply, in Italian").fill("Pulizie di uffici e spazi pubblici.");
    await supplier.getByLabel("What you supply, in English").fill("Cleaning of offices and public spaces.");
    await supplier.getByLabel("Capacity").fill("Up to 40 workers, 3 vans");
    await supplier.getByLabel("Find a CPV code").fill(CLEANING.slice(0, 5));
    await supplier.getByRole("button", { name: new RegExp(`^Add ${CLEANING}-\\d`) }).click();
    await supplier.getByRole("list", { name: "Chosen codes" }).getByText(CLEANING).waitFor();
    await supplier.getByLabel("Whole metropolitan area").check();
    await expectNoAxeViolations(supplier, "the supplier profile form");
    await supplier.getByRole("button", { name: "Save the profile" }).click();
    await supplier.getByText("The supplier profile is saved.").waitFor();
    await supplier.getByRole("heading", { level: 2, name: "What it supplies" }).waitFor();

    await supplier.getByRole("button", { name: "Add a certification" }).click();
    await supplier.getByLabel("Kind").selectOption("SOCIAL_COOP_B");
    await supplier.getByLabel("Evidence note").fill("Albo regionale delle cooperative sociali, sezione B, n. 1234.");
    await supplier.getByRole("button", { name: "Add the certification" }).click();
    const certificate = supplier.getByRole("article", { name: "Type B social cooperative" });
    await certificate.getByText("Awaiting verification").waitFor();
    await expectNoAxeViolations(supplier, "the supplier profile with a pending certification");
  });

  it("an admin verifies the certification from the queue", async () => {
    await logIn(admin, ADMIN);
    await admin.goto("/admin/certifications");
    await admin.getByRole("heading", { level: 2, name: "Certifications to verify" }).waitFor();
    const item = admin.getByRole("article", { name: `Type B social cooperative of ${SUPPLIER_ORG}` });
    await item.waitFor();
    await expectNoAxeViolations(admin, "the certifications queue");
    await item.getByRole("button", { name: /^Verify / }).click();
    await item.waitFor({ state: "detached" });

    await supplier.reload();
    await supplier
      .getByRole("article", { name: "Type B social cooperative" })
      .getByText("Verified", { exact: true })
      .waitFor();
    await supplier.getByText("Type B social cooperative — direct conventions (art. 5, law 381/1991)").first().waitFor();
    await supplier.screenshot({ path: join(SCREENSHOTS, "supplier-profile.png"), fullPage: true });
  });

  it("the directory filters by CPV prefix and by certification", async () => {
    // Another supplier of cleaning, without certification, set up directly.
    await logIn(other, OTHER_SUPPLIER);
    const org = await gql<{ organization: { id: string } }>(
      other,
      "query($slug: String!) { organization(slug: $slug) { id } }",
      { slug: OTHER_SLUG },
    );
    await gql(other, `mutation($input: SaveSupplierProfileInput!) { saveSupplierProfile(input: $input) { version } }`, {
      input: {
        organizationId: org.organization.id,
        version: null,
        offerEn: "Cleaning and legal-aid desks.",
        offerIt: "Pulizie e sportelli legali.",
        capacity: "",
        cpvCodes: [CLEANING],
        serviceArea: [],
        wholeMetroArea: true,
        published: true,
      },
    });

    await buyer.goto("/buy-social");
    await buyer.getByRole("heading", { level: 1, name: "Buy Social" }).waitFor();
    await buyer.getByLabel("Filter by CPV code").fill("909");
    await buyer.getByRole("button", { name: "Codes starting with 909" }).click();
    await expect.poll(() => new URL(buyer.url()).searchParams.get("cpv")).toBe("909");
    await buyer.getByRole("link", { name: SUPPLIER_ORG }).waitFor();
    await buyer.getByRole("link", { name: OTHER_ORG }).waitFor();
    await buyer.getByLabel("Certification", { exact: true }).selectOption("SOCIAL_COOP_B");
    await expect.poll(() => new URL(buyer.url()).searchParams.get("certification")).toBe("SOCIAL_COOP_B");
    await buyer.getByRole("link", { name: OTHER_ORG }).waitFor({ state: "detached" });
    await buyer.getByRole("link", { name: SUPPLIER_ORG }).waitFor();
    const csv = await buyer.getByRole("link", { name: "Suppliers as open data (CSV)" }).getAttribute("href");
    expect(csv).toContain("cpv=909");
    expect(csv).toContain("certification=SOCIAL_COOP_B");
    await expectNoAxeViolations(buyer, "the supplier directory, filtered");
    await buyer.screenshot({ path: join(SCREENSHOTS, "buy-social-directory.png"), fullPage: true });
  });

  it("a buyer's representative writes a request; a past deadline is refused before sending; then opens it", async () => {
    await logIn(buyer, BUYER);
    await buyer.goto("/buy-social/requests");
    await buyer.getByRole("link", { name: "New request" }).click();
    await buyer.getByRole("heading", { level: 1, name: "New request" }).waitFor();
    await buyer.getByLabel("Title").fill(TITLE);
    await buyer.getByLabel("Description").fill("Offices of about 800 m², twice a week, from March.");
    await buyer.getByLabel("Find a CPV code").fill(CLEANING.slice(0, 5));
    await buyer.getByRole("button", { name: new RegExp(`^Add ${CLEANING}-\\d`) }).click();
    await buyer.getByLabel("Municipality").selectOption({ label: "Torino" });
    await buyer.getByRole("button", { name: "Add the municipality" }).click();
    await buyer.getByLabel("Budget").selectOption("FROM_5K_TO_40K");
    await buyer.getByLabel("Type B social cooperative", { exact: true }).check();
    await buyer.getByLabel("Answers until").fill(daysAhead(-1));
    await buyer.getByRole("button", { name: "Save the draft" }).click();
    await buyer.getByText("The deadline must be in the future.").waitFor();
    await expectNoAxeViolations(buyer, "the request form with an error");
    await buyer.getByLabel("Answers until").fill(daysAhead(14));
    await buyer.getByRole("button", { name: "Save the draft" }).click();
    await buyer.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    requestPath = new URL(buyer.url()).pathname;
    expect(requestPath).toMatch(/^\/buy-social\/requests\/.+/);
    await buyer.getByText("Draft", { exact: true }).waitFor();
    await buyer.getByRole("button", { name: "Open to suppliers" }).click();
    await buyer.getByText("Open", { exact: true }).first().waitFor();
    await buyer.getByText("No supplier has answered yet.").waitFor();
    await expectNoAxeViolations(buyer, "the request page, for the buyer");
  });

  it("the type B cooperative is told, and answers", async () => {
    await supplier.goto("/notifications");
    await supplier.getByRole("link", { name: `A buyer is looking for what you supply: “${TITLE}”` }).click();
    await supplier.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await supplier.getByLabel("Your proposal").fill(ANSWER);
    await supplier.getByLabel("Amount (euro, optional)").fill("18500");
    await expectNoAxeViolations(supplier, "the request page, with the answer form");
    await supplier.getByRole("button", { name: "Send the answer" }).click();
    await supplier.getByRole("heading", { level: 2, name: "Your answer" }).waitFor();
    await supplier.getByText("Submitted", { exact: true }).waitFor();
  });

  it("another supplier does not see that answer", async () => {
    await other.goto(requestPath);
    await other.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await other.getByText(/^Answers are private to the buyer/).waitFor();
    expect(await other.getByText(ANSWER).count()).toBe(0);
    await expectNoAxeViolations(other, "the request page, for another supplier");
  });

  it("the buyer reads the answer and shortlists it", async () => {
    await buyer.reload();
    const answer = buyer.getByRole("article", { name: SUPPLIER_ORG });
    await answer.getByText(ANSWER).waitFor();
    await answer.getByRole("button", { name: `Shortlist ${SUPPLIER_ORG}` }).click();
    await answer.getByText("Shortlisted", { exact: true }).waitFor();
    await expectNoAxeViolations(buyer, "the request page with a shortlisted answer");
    await buyer.screenshot({ path: join(SCREENSHOTS, "buy-social-request.png"), fullPage: true });
  });
});
